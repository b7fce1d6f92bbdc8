import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import type { TCaller } from "@/lib/auth/caller";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPool } from "@/lib/db/client";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { createExportSummary } from "./export-summary";
import { completePath, exportDir, partialPath, scratchDir } from "./export-storage";
import { describeExportRequest, type TExportRequest } from "./parse-export-request";
import { buildPassOptions, prepareExport } from "./prepare-export";
import { sweepStaleExports } from "./sweep-stale-exports";
import { summaryCounts } from "./summary-counts";
import { withExportSnapshot } from "./with-export-snapshot";
import { writeBundleFile } from "./write-bundle-file";
import { describeExportFile } from "./write-export";
import { writeExportFile } from "./write-export-file";

export type TCompletedExport = { id: string; filePath: string; fileName: string; contentType: string; sha256: string; bytes: number; counts: Record<string, unknown> };

/**
 * Runs one export to completion before anything is served. Why not stream straight from the
 * database to the client? Because then a process killed mid-export leaves the client holding a
 * truncated file that nothing marks as such. Instead:
 *   1. an export_records row is inserted as RUNNING;
 *   2. the file is written to `<id>.partial` under .data/exports while being hashed, then fsynced;
 *   3. only then is it renamed (atomically) to `<id>.complete` and the row marked COMPLETE with
 *      its sha256, byte count and row counts;
 *   4. the route serves the complete file, its byte count and sha256 in headers before the body.
 * A crash in 1–3 leaves a RUNNING row without sha256 (later swept to FAILED) and a .partial file
 * that is never served; a crash in 4 cuts a chunked transfer short of its final chunk and of its
 * announced size, which clients detect, and the sha256 in the headers and in
 * `GET …/exports/{id}` shows the file is incomplete. The cost: the first byte leaves only when
 * the whole file is written (seconds, see bench/results/export.md), and the file needs disk space.
 */
export async function runExport({
  caller,
  projectId,
  request,
  signal,
}: {
  caller: TCaller;
  projectId: string;
  request: TExportRequest;
  /** The request's signal: a client that leaves stops the export (recorded as FAILED). */
  signal?: AbortSignal;
}): Promise<TCompletedExport> {
  await assertProjectAccess({ caller, projectId, staffOnly: true });
  await fs.mkdir(exportDir(), { recursive: true });
  await sweepStaleExports();
  const id = randomUUID();
  const { fileName, contentType } = describeDownload(request);
  const file = request.kind === "bundle" ? request.archive : request.params.file;
  const format = request.kind === "bundle" ? "bundle" : request.params.format;
  await getPool().query(
    `INSERT INTO export_records (id, project_id, user_id, format, file, params, status) VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'RUNNING')`,
    [id, projectId, caller.id, format, file, JSON.stringify(describeExportRequest(request))],
  );
  try {
    const written = await withExportSnapshot(async (client) => {
      const prepared = await prepareExport(client, { projectId, params: request.params, signal });
      if (request.kind === "bundle") {
        const bundle = await writeBundleFile({ prepared, request, filePath: partialPath(id), scratch: scratchDir(id) });
        const rows = bundle.files.reduce((n, f) => n + f.rows, 0);
        return { sha256: bundle.sha256, bytes: bundle.bytes, counts: { rows, files: bundle.files, ...summaryCounts(bundle.summary) } };
      }
      const summary = createExportSummary();
      const one = await writeExportFile({ options: buildPassOptions(prepared, { params: request.params, summary }), filePath: partialPath(id) });
      return { sha256: one.sha256, bytes: one.bytes, counts: { rows: one.rows, ...one.bySplit, ...summaryCounts(summary) } };
    });
    await fs.rename(partialPath(id), completePath(id));
    await getPool().query(
      `UPDATE export_records SET status = 'COMPLETE', sha256 = $2, bytes = $3, counts = $4::jsonb, completed_at = now() WHERE id = $1`,
      [id, written.sha256, written.bytes, JSON.stringify(written.counts)],
    );
    await recordAudit({ actorId: caller.id, action: "export.create", targetType: "export", targetId: id, details: { projectId, format, file, sha256: written.sha256 } });
    return { id, filePath: completePath(id), fileName, contentType, sha256: written.sha256, bytes: written.bytes, counts: written.counts };
  } catch (error) {
    await fs.rm(partialPath(id), { force: true }).catch(() => {});
    const reason = signal?.aborted ? "cancelled: the client went away" : "failed";
    await getPool()
      .query(`UPDATE export_records SET status = 'FAILED', completed_at = now(), counts = $2::jsonb WHERE id = $1`, [id, JSON.stringify({ error: reason })])
      .catch(() => {});
    throw error;
  }
}

function describeDownload(request: TExportRequest): { fileName: string; contentType: string } {
  if (request.kind === "file") return describeExportFile(request.params);
  const contentType = request.archive === "zip" ? "application/zip" : "application/gzip";
  return { fileName: `bundle-${request.params.split}.${request.archive}`, contentType };
}

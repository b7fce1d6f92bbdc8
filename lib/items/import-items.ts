import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError, type TErrorDetail } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { readNdjsonLines } from "./read-ndjson-lines";
import { MAX_IMPORT_BYTES, MAX_LINE_BYTES, minResponses, ZItemInput, type TItemInput } from "./schemas";
import { writeItemBatch, type TProjectForImport } from "./write-item-batch";
import { requestPriorsRefresh } from "@/lib/ranking/request-priors-refresh";
import { schedulePriorsRefresh } from "@/lib/ranking/schedule-priors-refresh";

const BATCH = 500;
const MAX_REPORTED = 1000;

export type TImportProgress = { lines: number; written: number };

// All or nothing: lines are validated as they stream in and written inside one transaction;
// the first bad line stops the writing (the rest is still validated, so every bad line is
// reported) and the transaction is rolled back.
export async function importItems(opts: {
  project: TProjectForImport;
  body: ReadableStream<Uint8Array> | null;
  actorId: string;
  onProgress?: (p: TImportProgress) => void;
}): Promise<{ created: number; updated: number }> {
  const client = await getPool().connect();
  const errors: TErrorDetail[] = [];
  let errorCount = 0;
  let created = 0;
  let updated = 0;
  let lines = 0;
  let refreshRequest: number | null = null;
  const seen = new Set<string>();
  let batch: TItemInput[] = [];
  const flush = async () => {
    if (errorCount === 0 && batch.length) {
      const result = await writeItemBatch(client, opts.project, batch);
      created += result.created;
      updated += result.updated;
    }
    batch = [];
    opts.onProgress?.({ lines, written: created + updated });
  };
  const fail = (line: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_REPORTED) errors.push({ line, message });
  };
  try {
    await client.query("BEGIN");
    for await (const entry of readNdjsonLines(opts.body, { maxBytes: MAX_IMPORT_BYTES, maxLineBytes: MAX_LINE_BYTES })) {
      lines++;
      if (entry.error) {
        fail(entry.line, entry.error);
        continue;
      }
      const parsed = ZItemInput.safeParse(entry.value);
      if (!parsed.success) {
        fail(entry.line, parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; "));
        continue;
      }
      const item = parsed.data;
      if (item.responses.length < minResponses(opts.project.mode)) {
        fail(entry.line, `responses: a ${opts.project.mode} project needs at least ${minResponses(opts.project.mode)}`);
        continue;
      }
      if (seen.has(item.id)) {
        fail(entry.line, `id ${item.id} appears twice in this upload`);
        continue;
      }
      seen.add(item.id);
      batch.push(item);
      if (batch.length >= BATCH) await flush();
    }
    if (lines === 0) fail(0, "no items in the upload");
    await flush();
    if (errorCount > 0) {
      await client.query("ROLLBACK");
      const more = errorCount > errors.length ? ` (first ${errors.length} listed)` : "";
      throw new AppError("invalid_items", `${errorCount} bad line(s); nothing was imported${more}`, { details: errors });
    }
    // new pairs (and scores sent inline) need their prior and priority when the project samples
    // actively: marked stale with the data, refreshed in the background after the commit
    refreshRequest = await requestPriorsRefresh(client, opts.project.id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await recordAudit({ actorId: opts.actorId, action: "items.import", targetType: "project", targetId: opts.project.id, details: { created, updated } });
  if (refreshRequest !== null) schedulePriorsRefresh(opts.project.id);
  return { created, updated };
}

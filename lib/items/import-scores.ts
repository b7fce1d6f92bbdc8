import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError, type TErrorDetail } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { readNdjsonLines } from "./read-ndjson-lines";
import { requestPriorsRefresh } from "@/lib/ranking/request-priors-refresh";
import { schedulePriorsRefresh } from "@/lib/ranking/schedule-priors-refresh";
import { MAX_IMPORT_BYTES, MAX_LINE_BYTES, ZScoreLine, type TScoreLine } from "./schemas";

// Model scores and test results for existing responses; all or nothing, like item imports.
// Scores merge into what a response already has, so several score sets can be uploaded in turn.
export async function importScores(opts: { projectId: string; body: ReadableStream<Uint8Array> | null; actorId: string }): Promise<{ updated: number }> {
  const errors: TErrorDetail[] = [];
  const lines: Array<{ line: number; value: TScoreLine }> = [];
  for await (const entry of readNdjsonLines(opts.body, { maxBytes: MAX_IMPORT_BYTES, maxLineBytes: MAX_LINE_BYTES })) {
    if (entry.error) {
      errors.push({ line: entry.line, message: entry.error });
      continue;
    }
    const parsed = ZScoreLine.safeParse(entry.value);
    if (!parsed.success) errors.push({ line: entry.line, message: parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; ") });
    else lines.push({ line: entry.line, value: parsed.data });
  }
  if (!errors.length && !lines.length) errors.push({ line: 0, message: "no score lines in the upload" });
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    let updated = 0;
    for (let i = 0; i < lines.length && !errors.length; i += 1000) {
      const chunk = lines.slice(i, i + 1000);
      const { rows } = await client.query<{ idx: number }>(
        `WITH input AS (
           SELECT * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) AS t(idx, item, response, scores, passed, total)
         )
         UPDATE responses r SET
           scores = CASE WHEN t.scores IS NULL THEN r.scores ELSE COALESCE(r.scores, '{}'::jsonb) || t.scores::jsonb END,
           tests_passed = COALESCE(t.passed, r.tests_passed), tests_total = COALESCE(t.total, r.tests_total)
           FROM input t JOIN items i ON i.project_id = $1 AND i.external_id = t.item
          WHERE r.item_id = i.id AND r.external_id = t.response
         RETURNING t.idx`,
        [
          opts.projectId,
          chunk.map((c) => c.line),
          chunk.map((c) => c.value.item),
          chunk.map((c) => c.value.response),
          chunk.map((c) => (c.value.scores ? JSON.stringify(c.value.scores) : null)),
          chunk.map((c) => c.value.tests?.passed ?? null),
          chunk.map((c) => c.value.tests?.total ?? null),
        ],
      );
      const hit = new Set(rows.map((r) => r.idx));
      for (const c of chunk) if (!hit.has(c.line)) errors.push({ line: c.line, message: `no response ${c.value.response} in item ${c.value.item}` });
      updated += rows.length;
    }
    if (errors.length) {
      await client.query("ROLLBACK");
      throw new AppError("invalid_items", `${errors.length} bad line(s); nothing was updated`, { details: errors.slice(0, 1000) });
    }
    // new scores move the priors of an actively sampled project (a no-op otherwise): marked stale
    // with the scores, refreshed in the background after the commit
    const refreshRequest = await requestPriorsRefresh(client, opts.projectId);
    await client.query("COMMIT");
    await recordAudit({ actorId: opts.actorId, action: "scores.import", targetType: "project", targetId: opts.projectId, details: { updated } });
    if (refreshRequest !== null) schedulePriorsRefresh(opts.projectId);
    return { updated };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

import "server-only";
import { getPool } from "@/lib/db/client";
import type { TQualityFilter } from "./schemas";

/**
 * Skipped assignments per rater, in the filter's date range (by when they were skipped). A skip
 * carries no rubric version, so with a rubric-version filter there is no fair count: null, and
 * the report's skip rates stay null.
 */
export async function loadSkipsByRater(opts: { projectId: string; filter: TQualityFilter }): Promise<Record<string, number> | undefined> {
  if (opts.filter.rubricVersion !== null) return undefined;
  const values: unknown[] = [opts.projectId];
  let where = "";
  if (opts.filter.from) {
    values.push(opts.filter.from);
    where += ` AND a.completed_at >= $${values.length}`;
  }
  if (opts.filter.before) {
    values.push(opts.filter.before);
    where += ` AND a.completed_at < $${values.length}`;
  }
  const { rows } = await getPool().query<{ user_id: string; skips: number }>(
    `SELECT a.user_id, count(*)::int AS skips FROM assignments a
      WHERE a.project_id = $1 AND a.status = 'SKIPPED'${where} GROUP BY a.user_id`,
    values,
  );
  const skips: Record<string, number> = {};
  for (const row of rows) skips[row.user_id] = row.skips;
  return skips;
}

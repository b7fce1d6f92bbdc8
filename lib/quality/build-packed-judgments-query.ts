import { buildQualityFilterSql } from "./build-quality-filter-sql";
import type { TQualityFilter } from "./schemas";

/**
 * One row per rater and distinct aspect values: the rater's id, the aspect values as JSON text
 * (judgments.report_aspects) and the report records of those judgments (judgments.report_record,
 * PACKED), concatenated, in base64 (a third shorter than bytea's hex on the wire and in the
 * driver). Everything per judgment was computed when it was written: per row the database
 * only appends 16 stored bytes. judgments_report_idx holds every column read, in group order,
 * so the plan is an index-only scan aggregated as it streams (loadJudgmentColumns steers the
 * planner to it). A project has few distinct aspect objects: each is parsed once per rater, not
 * once per judgment. The mode is read from the records themselves (PACKED.FROM_RATINGS_SHIFT).
 */
export function buildPackedJudgmentsQuery(opts: { projectId: string; filter: TQualityFilter }): { text: string; values: unknown[] } {
  const values: unknown[] = [opts.projectId];
  const where = buildQualityFilterSql({ filter: opts.filter, values });
  const text = `
    SELECT j.user_id, j.report_aspects, encode(string_agg(j.report_record, ''::bytea), 'base64')
      FROM judgments j
     WHERE j.project_id = $1${where}
     GROUP BY j.user_id, j.report_aspects`;
  return { text, values };
}

import "server-only";
import type { TAgreementJudgment, TAspectScale } from "@/lib/agreement";
import { buildQualityFilterSql } from "./build-quality-filter-sql";
import { decodeJudgmentRow, JUDGMENT_CODES } from "./decode-judgment-row";
import type { TProjectMode } from "./load-quality-project";
import type { TQualityFilter } from "./schemas";
import { streamRows } from "./stream-rows";

/**
 * Per unit, once rather than per judgment:
 *  - longer: 1 + sign(len B − len A) (0 first longer, 1 same, 2 second longer; 3 unknown). Measured
 *    with octet_length, which reads the stored size instead of decompressing the code as length()
 *    would (bytes rather than characters: close enough to say which answer is longer).
 *  - gold: 1 + the expected winner's sign in the unit's orientation (3 when not a gold pair). The
 *    gold names the item's external ids [first, second]; listed the other way round, the sign flips.
 * Response lengths are read in a subquery of their own so the joins carry numbers, not code; the
 * few gold pairs look their items and external ids up by key.
 */
const UNIT_FACTS = `
  SELECT u.id,
         coalesce(sign(lb.len - la.len)::int + 1, 3) AS longer,
         CASE WHEN NOT u.is_gold THEN 3
              ELSE (SELECT CASE WHEN jsonb_typeof(i.gold->'preference') IS DISTINCT FROM 'number' THEN 3
                                WHEN ra.external_id = i.gold->'responses'->>0 AND rb.external_id = i.gold->'responses'->>1 THEN 1 + sign((i.gold->>'preference')::int)::int
                                WHEN ra.external_id = i.gold->'responses'->>1 AND rb.external_id = i.gold->'responses'->>0 THEN 1 - sign((i.gold->>'preference')::int)::int
                                ELSE 3 END
                      FROM items i, responses ra, responses rb
                     WHERE i.id = u.item_id AND ra.id = u.response_a_id AND rb.id = u.response_b_id)
         END AS gold
    FROM units u
    LEFT JOIN lengths la ON la.id = u.response_a_id
    LEFT JOIN lengths lb ON lb.id = u.response_b_id
   WHERE u.project_id = $1`;

/**
 * One query, one row per judgment, five columns: the unit and rater ids, everything but the
 * aspects packed into two numbers by the database (JUDGMENT_CODES), and the aspects as the stored
 * JSON text. The driver's cost is per field: a million rows of eleven plain columns took longer
 * to parse than the report takes to compute. Aspects travel as text because extracting each key
 * in SQL cost more than the whole scan, while a project has only a few distinct aspect objects,
 * each parsed once (decodeJudgmentRow). A both-bad judgment names no winner, so it has no slot or
 * length code; a both-bad answer on a gold pair counts as wrong, as in the export's gold standing.
 */
export function buildJudgmentsQuery(opts: { projectId: string; mode: TProjectMode; filter: TQualityFilter }) {
  const values: unknown[] = [opts.projectId];
  const where = buildQualityFilterSql({ filter: opts.filter, values });
  // rating mode keeps ratings under the response id; the unit's response is the one in slot A
  const aspects = opts.mode === "rating" ? "(j.ratings -> j.left_slot_response_id)::text" : "j.canonical_aspects::text";
  const decided = "NOT j.both_bad AND j.canonical_pref IS NOT NULL";
  const text = `
    WITH lengths AS (SELECT r.id, octet_length(r.content) AS len FROM responses r WHERE r.project_id = $1),
         unit_facts AS (${UNIT_FACTS})
    SELECT j.unit_id, j.user_id,
           coalesce(j.canonical_pref + 3, 7)
           | (j.both_bad::int << 3)
           | (CASE WHEN j.both_bad OR j.preference IS NULL THEN 0 WHEN j.preference < 0 THEN 1 WHEN j.preference = 0 THEN 2 ELSE 3 END << 4)
           | (CASE WHEN uf.gold = 3 THEN 0 WHEN ${decided} AND sign(j.canonical_pref) = uf.gold - 1 THEN 2 ELSE 1 END << 6)
           | (CASE WHEN NOT (${decided}) OR j.canonical_pref = 0 OR uf.longer IN (1, 3) THEN 0 WHEN sign(j.canonical_pref) = uf.longer - 1 THEN 2 ELSE 1 END << 8),
           floor(date_part('epoch', j.created_at) / 86400) * ${JUDGMENT_CODES.DAY_FACTOR} + coalesce(round(j.active_seconds * 1000), ${JUDGMENT_CODES.NO_TIME}),
           ${opts.mode === "ranking" ? "NULL" : aspects}
      FROM judgments j JOIN unit_facts uf ON uf.id = j.unit_id
     WHERE j.project_id = $1${where}`;
  return { text, values };
}

/**
 * The project's judgments (as filtered) in the form buildAgreementReport takes. createdAt is the
 * start of the judgment's UTC day: the report reads only the day (active days per rater), and one
 * Date per day serves every judgment of that day.
 */
export async function loadAgreementJudgments(opts: {
  projectId: string;
  mode: TProjectMode;
  aspectScales: Record<string, TAspectScale>;
  filter: TQualityFilter;
}): Promise<TAgreementJudgment[]> {
  const judgments: TAgreementJudgment[] = [];
  const context = { aspectKeys: Object.keys(opts.aspectScales), aspects: new Map(), days: new Map(), raters: new Map() };
  await streamRows(buildJudgmentsQuery(opts), (row) => judgments.push(decodeJudgmentRow(row, context)), { workMem: "64MB" });
  return judgments;
}

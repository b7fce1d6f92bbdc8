import "server-only";
import type { PoolClient } from "pg";

export type TRaterGoldStanding = { goldJudgments: number; correct: number; accuracy: number; passes: boolean };

// A gold unit's expected answer is stored against the item's external ids, [first, second]; the
// judgment is in the unit's orientation (response_a first), so the expected sign flips when the
// gold lists the pair the other way round. A both-bad answer on a gold pair counts as wrong.
const GOLD_SQL = `
  SELECT j.user_id, count(*)::int AS gold_judgments,
         count(*) FILTER (WHERE NOT j.both_bad AND j.canonical_pref IS NOT NULL AND sign(j.canonical_pref) =
           sign(CASE WHEN ra.external_id = i.gold->'responses'->>0 THEN (i.gold->>'preference')::int ELSE -(i.gold->>'preference')::int END))::int AS correct
    FROM units u
    JOIN items i ON i.id = u.item_id
    JOIN responses ra ON ra.id = u.response_a_id
    JOIN responses rb ON rb.id = u.response_b_id
    JOIN judgments j ON j.unit_id = u.id
   WHERE u.project_id = $1 AND u.is_gold AND jsonb_typeof(i.gold->'preference') = 'number'
     AND ((ra.external_id = i.gold->'responses'->>0 AND rb.external_id = i.gold->'responses'->>1)
       OR (ra.external_id = i.gold->'responses'->>1 AND rb.external_id = i.gold->'responses'->>0))
   GROUP BY j.user_id`;

/**
 * Each rater's accuracy on the project's gold pairs, over all their gold judgments (a property of
 * the rater, so the export's date and rubric filters do not apply). A rater below the project's
 * gold threshold is "flagged"; raters without gold judgments are neither flagged nor passing.
 */
export async function loadRaterGoldStanding(client: PoolClient, { projectId, threshold }: { projectId: string; threshold: number }): Promise<Map<string, TRaterGoldStanding>> {
  const { rows } = await client.query<{ user_id: string; gold_judgments: number; correct: number }>(GOLD_SQL, [projectId]);
  const standing = new Map<string, TRaterGoldStanding>();
  for (const r of rows) {
    const accuracy = r.correct / r.gold_judgments;
    standing.set(r.user_id, { goldJudgments: r.gold_judgments, correct: r.correct, accuracy, passes: accuracy >= threshold });
  }
  return standing;
}

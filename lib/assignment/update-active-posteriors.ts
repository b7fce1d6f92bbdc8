import "server-only";
import type { PoolClient } from "pg";
import { rescoreTouchedPairs, updatePosterior } from "@/lib/sampling";
import { outcomeForA, SERVING_BETA, SERVING_KAPPA } from "@/lib/ranking/serving-settings";

// Every response of the judged pair's item, locked in position order: two submits on the same
// item then queue here instead of deadlocking, and the rescoring reads posteriors nobody else is
// changing. No rows come back unless the project samples actively and the unit is a pair.
const LOCK_ITEM_SQL = `
  WITH judged AS (
    SELECT u.item_id, u.response_a_id, u.response_b_id FROM units u JOIN projects p ON p.id = u.project_id
     WHERE u.id = $1 AND p.sampling = 'active' AND u.response_b_id IS NOT NULL
  )
  SELECT r.id, r.item_id, r.mu, r.sigma2, r.id = j.response_a_id AS is_a, r.id = j.response_b_id AS is_b
    FROM responses r JOIN judged j ON r.item_id = j.item_id
   ORDER BY r.position, r.id FOR UPDATE OF r`;

// The two posteriors and the 2K − 3 touched pair gains in one statement. The coverage factor
// 1/√(1 + labels on the prompt) is applied here to the touched rows only; the (K−2)(K−3)/2 rows
// not touching the pair keep the factor from their last rescoring (slightly high) until the
// next judgment on the prompt or a refit: the price of O(K) work per judgment.
// A unit locked by someone else (a lease being taken, a concurrent submit) is skipped rather
// than waited for: waiting while holding the item's response locks could deadlock with a submit
// that holds that unit and waits for those locks. Its own submit rescores it anyway.
const UPDATE_SQL = `
  WITH posteriors AS (
    UPDATE responses r SET mu = v.mu, sigma2 = v.sigma2
      FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(id, mu, sigma2) WHERE r.id = v.id
  ), labels AS (
    SELECT COALESCE(sum(judgment_count), 0)::float8 AS n FROM units WHERE item_id = $4
  ), lockable AS (
    SELECT u.id, v.gain FROM units u
      JOIN unnest($5::text[], $6::text[], $7::float8[]) AS v(a, b, gain) ON u.response_a_id = v.a AND u.response_b_id = v.b
     WHERE u.item_id = $4
       FOR UPDATE OF u SKIP LOCKED
  )
  UPDATE units u SET priority = l.gain / sqrt(1 + labels.n) FROM lockable l, labels WHERE u.id = l.id`;

type TResponseRow = { id: string; item_id: string; mu: number; sigma2: number; is_a: boolean; is_b: boolean };

/**
 * Online Weng–Lin update after a pairwise judgment on an actively sampled project: O(K) rows,
 * two round trips, inside the submit transaction. A both-bad judgment (null preference) says
 * nothing about order and changes nothing.
 */
export async function updateActivePosteriors(client: PoolClient, opts: { unitId: string; canonicalPreference: number | null }): Promise<boolean> {
  if (opts.canonicalPreference === null) return false;
  const { rows } = await client.query<TResponseRow>({ name: "lock-item-posteriors", text: LOCK_ITEM_SQL, values: [opts.unitId] });
  const i = rows.findIndex((r) => r.is_a);
  const j = rows.findIndex((r) => r.is_b);
  if (i < 0 || j < 0) return false;

  const posteriors = rows.map((r) => ({ mean: r.mu, variance: r.sigma2 }));
  const updated = updatePosterior({ i: posteriors[i], j: posteriors[j], outcome: outcomeForA(opts.canonicalPreference), beta: SERVING_BETA, kappa: SERVING_KAPPA });
  posteriors[i] = updated.i;
  posteriors[j] = updated.j;
  const pairs = rescoreTouchedPairs({ posteriors, i, j, beta: SERVING_BETA });
  await client.query({
    name: "update-item-posteriors",
    text: UPDATE_SQL,
    values: [
      [rows[i].id, rows[j].id], [updated.i.mean, updated.j.mean], [updated.i.variance, updated.j.variance], rows[i].item_id,
      pairs.map((p) => rows[p.a].id), pairs.map((p) => rows[p.b].id), pairs.map((p) => p.priority),
    ],
  });
  return true;
}

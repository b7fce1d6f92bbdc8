import "server-only";
import type { PoolClient } from "pg";
import { rescoreTouchedPairs, updatePosterior } from "@/lib/sampling";
import { outcomeForA, SERVING_BETA, SERVING_KAPPA } from "@/lib/ranking/serving-settings";

/** A response's posterior as read, in the item's position order. */
export type TItemPosterior = { id: string; mu: number; sigma2: number };

/**
 * What one pairwise judgment changes on an actively sampled item (O(K) for K responses): the two
 * judged responses' posteriors (Weng–Lin), before and after, and the gains of the 2K − 3 pairs
 * that touch them, keyed by (response A, response B) in position order, the units' own
 * orientation. The coverage factor 1/√(1 + labels on the prompt) is applied where they are
 * written; the (K−2)(K−3)/2 pairs not touching the judged pair keep the factor from their last
 * rescoring (slightly high) until the next judgment on the prompt or a refit.
 */
export type TPosteriorPlan = {
  ids: [string, string];
  before: { mu: [number, number]; sigma2: [number, number] };
  after: { mu: [number, number]; sigma2: [number, number] };
  pairs: { a: string[]; b: string[]; gain: number[] };
};

export function planPosteriorUpdate(opts: { responses: TItemPosterior[]; responseA: string; responseB: string; canonicalPreference: number }): TPosteriorPlan | null {
  const { responses } = opts;
  const i = responses.findIndex((r) => r.id === opts.responseA);
  const j = responses.findIndex((r) => r.id === opts.responseB);
  if (i < 0 || j < 0) return null;
  const posteriors = responses.map((r) => ({ mean: r.mu, variance: r.sigma2 }));
  const updated = updatePosterior({ i: posteriors[i], j: posteriors[j], outcome: outcomeForA(opts.canonicalPreference), beta: SERVING_BETA, kappa: SERVING_KAPPA });
  posteriors[i] = updated.i;
  posteriors[j] = updated.j;
  const pairs = rescoreTouchedPairs({ posteriors, i, j, beta: SERVING_BETA });
  return {
    ids: [responses[i].id, responses[j].id],
    before: { mu: [responses[i].mu, responses[j].mu], sigma2: [responses[i].sigma2, responses[j].sigma2] },
    after: { mu: [updated.i.mean, updated.j.mean], sigma2: [updated.i.variance, updated.j.variance] },
    pairs: { a: pairs.map((p) => responses[p.a].id), b: pairs.map((p) => responses[p.b].id), gain: pairs.map((p) => p.priority) },
  };
}

// The fallback when the one-statement write (lib/assignment/record-judgment.ts) keeps finding the
// posteriors changed under it: every response of the item locked in position order, before the
// judgment is written. Responses first, then the judged unit, then the other units (SKIP LOCKED)
// is the order the one-statement write takes its locks in too, so the two paths cannot deadlock.
const LOCK_ITEM_SQL = `
  SELECT r.id, r.mu, r.sigma2 FROM responses r
   WHERE r.item_id = (SELECT item_id FROM units WHERE id = $1)
   ORDER BY r.position, r.id FOR UPDATE OF r`;

// A unit locked by someone else (a lease being taken, a concurrent submit) is skipped rather than
// waited for: its own submit rescores it anyway.
const UPDATE_SQL = `
  WITH posteriors AS (
    UPDATE responses r SET mu = v.mu, sigma2 = v.sigma2
      FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(id, mu, sigma2) WHERE r.id = v.id
  ), labels AS (
    SELECT COALESCE(sum(judgment_count), 0)::float8 AS n FROM units WHERE item_id = (SELECT item_id FROM units WHERE id = $4)
  ), lockable AS (
    SELECT u.id, v.gain FROM units u
      JOIN unnest($5::text[], $6::text[], $7::float8[]) AS v(a, b, gain) ON u.response_a_id = v.a AND u.response_b_id = v.b
     WHERE u.item_id = (SELECT item_id FROM units WHERE id = $4)
       FOR UPDATE OF u SKIP LOCKED
  )
  UPDATE units u SET priority = l.gain / sqrt(1 + labels.n) FROM lockable l, labels WHERE u.id = l.id`;

export async function lockItemPosteriors(client: PoolClient, unitId: string): Promise<TItemPosterior[]> {
  const { rows } = await client.query<TItemPosterior>({ name: "lock-item-posteriors", text: LOCK_ITEM_SQL, values: [unitId] });
  return rows;
}

/** Inside the caller's transaction, after the judgment is stored, with the item's responses as lockItemPosteriors returned them. */
export async function updateActivePosteriors(client: PoolClient, opts: { unitId: string; locked: TItemPosterior[]; responseA: string; responseB: string; canonicalPreference: number }): Promise<boolean> {
  const plan = planPosteriorUpdate({ responses: opts.locked, ...opts });
  if (!plan) return false;
  await client.query({
    name: "update-item-posteriors",
    text: UPDATE_SQL,
    values: [plan.ids, plan.after.mu, plan.after.sigma2, opts.unitId, plan.pairs.a, plan.pairs.b, plan.pairs.gain],
  });
  return true;
}

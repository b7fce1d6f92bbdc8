import "server-only";
import type { PoolClient } from "pg";
import { rescoreTouchedPairs, updatePosterior } from "@/lib/sampling";
import { outcomeForA, SERVING_BETA, SERVING_KAPPA } from "@/lib/ranking/serving-settings";

/** A response's posterior as read, in the item's position order. */
export type TItemPosterior = { id: string; mu: number; sigma2: number };
/** One pair unit of the item, in its own orientation (the one it was first imported with). */
export type TItemUnit = { id: string; a: string; b: string };

/**
 * What one pairwise judgment changes on an actively sampled item (O(K) for K responses): the two
 * judged responses' posteriors (Weng–Lin), before and after, and the gains of the 2K − 3 pairs
 * that touch them, keyed by their units' ids (a pair matches its unit either way round). The
 * coverage factor 1/√(1 + labels on the prompt) is applied where they are
 * written; the (K−2)(K−3)/2 pairs not touching the judged pair keep the factor from their last
 * rescoring (slightly high) until the next judgment on the prompt or a refit.
 */
export type TPosteriorPlan = {
  ids: [string, string];
  before: { mu: [number, number]; sigma2: [number, number] };
  after: { mu: [number, number]; sigma2: [number, number] };
  units: { ids: string[]; gain: number[] };
};

const pairKey = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);

export function planPosteriorUpdate(opts: { responses: TItemPosterior[]; units: TItemUnit[]; responseA: string; responseB: string; canonicalPreference: number }): TPosteriorPlan | null {
  const { responses } = opts;
  const i = responses.findIndex((r) => r.id === opts.responseA);
  const j = responses.findIndex((r) => r.id === opts.responseB);
  if (i < 0 || j < 0) return null;
  const posteriors = responses.map((r) => ({ mean: r.mu, variance: r.sigma2 }));
  const updated = updatePosterior({ i: posteriors[i], j: posteriors[j], outcome: outcomeForA(opts.canonicalPreference), beta: SERVING_BETA, kappa: SERVING_KAPPA });
  posteriors[i] = updated.i;
  posteriors[j] = updated.j;
  const unitOfPair = new Map(opts.units.map((u) => [pairKey(u.a, u.b), u.id]));
  const units: TPosteriorPlan["units"] = { ids: [], gain: [] };
  for (const pair of rescoreTouchedPairs({ posteriors, i, j, beta: SERVING_BETA })) {
    const unitId = unitOfPair.get(pairKey(responses[pair.a].id, responses[pair.b].id));
    if (unitId === undefined) continue;
    units.ids.push(unitId);
    units.gain.push(pair.priority);
  }
  return {
    ids: [responses[i].id, responses[j].id],
    before: { mu: [responses[i].mu, responses[j].mu], sigma2: [responses[i].sigma2, responses[j].sigma2] },
    after: { mu: [updated.i.mean, updated.j.mean], sigma2: [updated.i.variance, updated.j.variance] },
    units,
  };
}

// The fallback when the one-statement write (lib/assignment/record-judgment.ts) keeps finding the
// posteriors changed under it: every response of the item locked in position order, before the
// judgment is written. Responses first, then the judged unit, then the touched pairs' priority
// rows (SKIP LOCKED) is the order the one-statement write takes its locks in too, so the two
// paths cannot deadlock.
const LOCK_ITEM_SQL = `
  SELECT r.id, r.mu, r.sigma2 FROM responses r
   WHERE r.item_id = (SELECT item_id FROM units WHERE id = $1)
   ORDER BY r.position, r.id FOR UPDATE OF r`;
const ITEM_UNITS_SQL = `
  SELECT u.id, u.response_a_id AS a, u.response_b_id AS b FROM units u
   WHERE u.item_id = (SELECT item_id FROM units WHERE id = $1) AND u.response_b_id IS NOT NULL`;

// The priorities live only in unit_priorities (prisma/migrations/20261129190000_priority_only_in_
// unit_priorities): rescoring writes those narrow rows and never the wide unit rows. A row locked
// by someone else (a lease closing the unit, a concurrent submit) is skipped rather than waited
// for: its own submit rescores it anyway.
const UPDATE_SQL = `
  WITH posteriors AS (
    UPDATE responses r SET mu = v.mu, sigma2 = v.sigma2
      FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(id, mu, sigma2) WHERE r.id = v.id
  ), labels AS (
    SELECT COALESCE(sum(judgment_count), 0)::float8 AS n FROM units WHERE item_id = (SELECT item_id FROM units WHERE id = $4)
  ), lockable AS (
    SELECT p.unit_id, v.gain FROM unit_priorities p JOIN unnest($5::text[], $6::float8[]) AS v(id, gain) ON p.unit_id = v.id
       FOR UPDATE OF p SKIP LOCKED
  )
  UPDATE unit_priorities p SET priority = l.gain / sqrt(1 + labels.n) FROM lockable l, labels WHERE p.unit_id = l.unit_id`;

export type TLockedItem = { responses: TItemPosterior[]; units: TItemUnit[] };

export async function lockItemPosteriors(client: PoolClient, unitId: string): Promise<TLockedItem> {
  const { rows: responses } = await client.query<TItemPosterior>({ name: "lock-item-posteriors", text: LOCK_ITEM_SQL, values: [unitId] });
  const { rows: units } = await client.query<TItemUnit>({ name: "read-item-units", text: ITEM_UNITS_SQL, values: [unitId] });
  return { responses, units };
}

/** Inside the caller's transaction, after the judgment is stored, with the item's responses as lockItemPosteriors returned them. */
export async function updateActivePosteriors(client: PoolClient, opts: { unitId: string; locked: TLockedItem; responseA: string; responseB: string; canonicalPreference: number }): Promise<boolean> {
  const plan = planPosteriorUpdate({ ...opts, ...opts.locked });
  if (!plan) return false;
  await client.query({
    name: "update-item-posteriors",
    text: UPDATE_SQL,
    values: [plan.ids, plan.after.mu, plan.after.sigma2, opts.unitId, plan.units.ids, plan.units.gain],
  });
  return true;
}

import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db/client";
import { pairPriority, type Comparison, type Posterior } from "@/lib/sampling";
import { comparisonsFromRanking, fitItemPosteriors } from "./fit-item-posteriors";
import { FLAT_PRIOR, outcomeForA, SERVING_BETA } from "./serving-settings";

const ITEMS_PER_BATCH = 2000;

export type TRebuildResult = { items: number; responsesChanged: number; unitsRescored: number; seconds: number };

type TResponse = { id: string; item_id: string; mu: number; sigma2: number };
type TJudgmentRow = { item_id: string; a: string | null; b: string | null; pref: number | null; ranking: string[] | null };
type TUnit = { id: string; item_id: string; a: string; b: string; judgment_count: number };

/**
 * Recomputes every response posterior (`refit`: prior + all judgments, fitItemPosteriors) or keeps
 * them (`rescore`), then every pair's priority with the exact coverage factor, in batches of items.
 * Each batch is one transaction that first locks its items' responses in the order the online
 * update locks them, so a judgment committing meanwhile is either read here or applied after on
 * top of the result, never lost. Units locked by a lease or submit are skipped (see
 * update-active-posteriors.ts) and keep their priority until their own next rescoring.
 */
export async function rebuildProjectPosteriors(opts: { projectId: string; mode: "refit" | "rescore"; priors?: Map<string, Posterior> }): Promise<TRebuildResult> {
  const started = Date.now();
  const result: TRebuildResult = { items: 0, responsesChanged: 0, unitsRescored: 0, seconds: 0 };
  let after = "";
  for (;;) {
    const { rows: items } = await getPool().query<{ id: string }>("SELECT id FROM items WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3", [opts.projectId, after, ITEMS_PER_BATCH]);
    if (!items.length) break;
    after = items[items.length - 1].id;
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      const batch = await rebuildBatch(client, { itemIds: items.map((i) => i.id), mode: opts.mode, priors: opts.priors ?? new Map() });
      await client.query("COMMIT");
      result.items += items.length;
      result.responsesChanged += batch.responsesChanged;
      result.unitsRescored += batch.unitsRescored;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

async function rebuildBatch(client: PoolClient, opts: { itemIds: string[]; mode: "refit" | "rescore"; priors: Map<string, Posterior> }) {
  const { rows: responses } = await client.query<TResponse>(
    "SELECT id, item_id, mu, sigma2 FROM responses WHERE item_id = ANY($1::text[]) ORDER BY item_id, position, id FOR UPDATE",
    [opts.itemIds],
  );
  const byItem = new Map<string, TResponse[]>();
  for (const r of responses) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  const posterior = new Map<string, Posterior>(responses.map((r) => [r.id, { mean: r.mu, variance: r.sigma2 }]));
  let responsesChanged = 0;

  if (opts.mode === "refit") {
    const comparisons = await loadItemComparisons(client, opts.itemIds, byItem);
    const changed = { ids: [] as string[], mu: [] as number[], sigma2: [] as number[] };
    for (const [itemId, list] of byItem) {
      const fitted = fitItemPosteriors({ priors: list.map((r) => opts.priors.get(r.id) ?? FLAT_PRIOR), comparisons: comparisons.get(itemId) ?? [] });
      list.forEach((r, k) => {
        posterior.set(r.id, fitted[k]);
        if (Math.abs(fitted[k].mean - r.mu) > 1e-12 || Math.abs(fitted[k].variance - r.sigma2) > 1e-12) {
          changed.ids.push(r.id);
          changed.mu.push(fitted[k].mean);
          changed.sigma2.push(fitted[k].variance);
        }
      });
    }
    if (changed.ids.length) {
      await client.query("UPDATE responses r SET mu = v.mu, sigma2 = v.sigma2 FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(id, mu, sigma2) WHERE r.id = v.id", [changed.ids, changed.mu, changed.sigma2]);
    }
    responsesChanged = changed.ids.length;
  }

  const { rows: units } = await client.query<TUnit>(
    `SELECT id, item_id, response_a_id AS a, response_b_id AS b, judgment_count FROM units
      WHERE item_id = ANY($1::text[]) AND response_b_id IS NOT NULL`,
    [opts.itemIds],
  );
  const labels = new Map<string, number>();
  for (const u of units) labels.set(u.item_id, (labels.get(u.item_id) ?? 0) + u.judgment_count);
  const ids = units.map((u) => u.id);
  const priorities = units.map((u) =>
    pairPriority({ i: posterior.get(u.a) ?? FLAT_PRIOR, j: posterior.get(u.b) ?? FLAT_PRIOR, beta: SERVING_BETA, labelsOnPrompt: labels.get(u.item_id) ?? 0 }),
  );
  const { rowCount } = await client.query(
    `WITH lockable AS (SELECT id FROM units WHERE id = ANY($1::text[]) FOR UPDATE SKIP LOCKED)
     UPDATE units u SET priority = v.priority FROM unnest($1::text[], $2::float8[]) AS v(id, priority), lockable l
      WHERE u.id = v.id AND l.id = v.id AND u.priority IS DISTINCT FROM v.priority`,
    [ids, priorities],
  );
  return { responsesChanged, unitsRescored: rowCount ?? 0 };
}

// Every usable judgment of the items as comparisons between response indices (position order):
// pairwise preferences by sign, rankings as their implied pairs; both-bad says nothing about order.
async function loadItemComparisons(client: PoolClient, itemIds: string[], byItem: Map<string, TResponse[]>): Promise<Map<string, Comparison[]>> {
  const { rows } = await client.query<TJudgmentRow>(
    `SELECT u.item_id, u.response_a_id AS a, u.response_b_id AS b, j.canonical_pref AS pref, j.ranking
       FROM judgments j JOIN units u ON u.id = j.unit_id
      WHERE u.item_id = ANY($1::text[]) AND NOT j.both_bad
      ORDER BY j.created_at, j.id`,
    [itemIds],
  );
  const result = new Map<string, Comparison[]>();
  for (const row of rows) {
    const index = new Map((byItem.get(row.item_id) ?? []).map((r, k) => [r.id, k]));
    const list = result.get(row.item_id) ?? [];
    if (row.a && row.b && row.pref !== null && index.has(row.a) && index.has(row.b)) {
      list.push({ i: index.get(row.a)!, j: index.get(row.b)!, outcome: outcomeForA(row.pref) });
    } else if (row.ranking) {
      const order = row.ranking.map((id) => index.get(id)).filter((k): k is number => k !== undefined);
      list.push(...comparisonsFromRanking(order));
    }
    result.set(row.item_id, list);
  }
  return result;
}

import "server-only";
import type { PoolClient } from "pg";
import { streamClientRows } from "@/lib/db/stream-client-rows";
import type { Comparison } from "@/lib/sampling";
import { comparisonsFromRanking } from "./fit-item-posteriors";
import { parseStoredScores, type TResponseSignals } from "./priors-from-signals";
import { outcomeForA } from "./serving-settings";

/**
 * What a rebuild reads, column-wise: responses grouped by item (item order, then position) with,
 * for a refit, the scores and test counts the priors come from; each item's judgments as
 * comparisons between its response indices (time order); the pairs with their response indices.
 * Three streamed queries, no row objects kept.
 */
export type TRebuildSnapshot = {
  itemIds: string[];
  /** Item k's responses are the indices itemStart[k] … itemStart[k + 1] − 1. */
  itemStart: number[];
  responseIds: string[];
  mu: Float64Array;
  sigma2: Float64Array;
  /** Only when asked for (`withSignals`). */
  signals: TResponseSignals | null;
  comparisons: Map<number, Comparison[]>;
  /** Per item, the judgments among its comparisons that were still in the learning queue when read. */
  queued: Map<number, string[]>;
  units: { ids: string[]; item: Int32Array; a: Int32Array; b: Int32Array; judgments: Int32Array; priority: Float64Array };
  /** Item k's units are unitOrder[unitStart[k]] … unitOrder[unitStart[k + 1] − 1]. */
  unitStart: Int32Array;
  unitOrder: Int32Array;
};

/** A whole project, or some of its items (a rebuild redoing items that changed under it). */
export type TRebuildScope = { projectId: string } | { itemIds: string[] };

const where = (scope: TRebuildScope, column: { project: string; item: string }) =>
  "projectId" in scope ? { sql: `${column.project} = $1`, value: scope.projectId } : { sql: `${column.item} = ANY($1::text[])`, value: scope.itemIds };

export async function loadRebuildSnapshot(client: PoolClient, scope: TRebuildScope, opts: { withSignals?: boolean } = {}): Promise<TRebuildSnapshot> {
  const byResponses = where(scope, { project: "project_id", item: "item_id" });
  const ids: string[] = [];
  const mu: number[] = [];
  const sigma2: number[] = [];
  const itemIds: string[] = [];
  const itemStart: number[] = [];
  const signals: TResponseSignals | null = opts.withSignals ? { ids, scores: [], passed: [], total: [] } : null;
  const columns = `id, item_id, mu, sigma2${signals ? ", scores, tests_passed, tests_total" : ""}`;
  await streamClientRows(client, { text: `SELECT ${columns} FROM responses WHERE ${byResponses.sql} ORDER BY item_id, position, id`, values: [byResponses.value] }, (row) => {
    if (itemIds[itemIds.length - 1] !== row[1]) {
      itemIds.push(row[1] as string);
      itemStart.push(ids.length);
    }
    ids.push(row[0] as string);
    mu.push(row[2] as number);
    sigma2.push(row[3] as number);
    if (signals) {
      signals.scores.push(parseStoredScores(row[4]));
      signals.passed.push(row[5] as number | null);
      signals.total.push(row[6] as number | null);
    }
  });
  itemStart.push(ids.length);
  const responseIndex = new Map(ids.map((id, k) => [id, k]));
  const itemIndex = new Map(itemIds.map((id, k) => [id, k]));
  const local = (item: number, id: string | null) => {
    const k = id === null ? undefined : responseIndex.get(id);
    return k === undefined || k < itemStart[item] || k >= itemStart[item + 1] ? undefined : k - itemStart[item];
  };

  // Pairwise preferences by sign, rankings as their implied pairs; both-bad says nothing about order.
  const comparisons = new Map<number, Comparison[]>();
  const queued = new Map<number, string[]>();
  const byJudgments = where(scope, { project: "j.project_id", item: "u.item_id" });
  await streamClientRows(
    client,
    {
      text: `SELECT u.item_id, u.response_a_id, u.response_b_id, j.canonical_pref, j.ranking, q.judgment_id
               FROM judgments j JOIN units u ON u.id = j.unit_id LEFT JOIN learning_queue q ON q.judgment_id = j.id
              WHERE ${byJudgments.sql} AND NOT j.both_bad ORDER BY j.created_at, j.id`,
      values: [byJudgments.value],
    },
    (row) => {
      const item = itemIndex.get(row[0] as string);
      if (item === undefined) return;
      const [a, b, pref, ranking] = [local(item, row[1] as string | null), local(item, row[2] as string | null), row[3] as number | null, row[4] as string[] | null];
      const list = comparisons.get(item) ?? [];
      if (a !== undefined && b !== undefined && pref !== null) list.push({ i: a, j: b, outcome: outcomeForA(pref) });
      else if (ranking) list.push(...comparisonsFromRanking(ranking.map((id) => local(item, id)).filter((k): k is number => k !== undefined)));
      comparisons.set(item, list);
      if (row[5] !== null) queued.set(item, [...(queued.get(item) ?? []), row[5] as string]);
    },
  );

  // a unit's item is its first response's (that item's responses were all read above)
  const responseItem = new Int32Array(ids.length);
  for (let k = 0; k < itemIds.length; k++) responseItem.fill(k, itemStart[k], itemStart[k + 1]);
  const units = { ids: [] as string[], item: [] as number[], a: [] as number[], b: [] as number[], judgments: [] as number[], priority: [] as number[] };
  const byUnits = where(scope, { project: "project_id", item: "item_id" });
  await streamClientRows(
    client,
    {
      text: `SELECT u.id, u.response_a_id, u.response_b_id, u.judgment_count, p.priority
               FROM units u JOIN unit_priorities p ON p.unit_id = u.id WHERE u.${byUnits.sql} AND u.response_b_id IS NOT NULL`,
      values: [byUnits.value],
    },
    (row) => {
      const a = responseIndex.get(row[1] as string) ?? -1;
      if (a < 0) return;
      units.ids.push(row[0] as string);
      units.item.push(responseItem[a]);
      units.a.push(a);
      units.b.push(responseIndex.get(row[2] as string) ?? -1);
      units.judgments.push(row[3] as number);
      units.priority.push(row[4] as number);
    },
  );
  const item = Int32Array.from(units.item);
  return {
    itemIds,
    itemStart,
    responseIds: ids,
    signals,
    mu: Float64Array.from(mu),
    sigma2: Float64Array.from(sigma2),
    comparisons,
    queued,
    ...groupByItem(item, itemIds.length),
    units: { ids: units.ids, item, a: Int32Array.from(units.a), b: Int32Array.from(units.b), judgments: Int32Array.from(units.judgments), priority: Float64Array.from(units.priority) },
  };
}

// Counting sort of the unit indices by item.
function groupByItem(item: Int32Array, items: number): { unitStart: Int32Array; unitOrder: Int32Array } {
  const unitStart = new Int32Array(items + 1);
  for (const k of item) unitStart[k + 1]++;
  for (let k = 0; k < items; k++) unitStart[k + 1] += unitStart[k];
  const next = unitStart.slice(0, items);
  const unitOrder = new Int32Array(item.length);
  item.forEach((k, u) => (unitOrder[next[k]++] = u));
  return { unitStart, unitOrder };
}

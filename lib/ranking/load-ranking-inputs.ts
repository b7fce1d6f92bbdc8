import "server-only";
import { getPool } from "@/lib/db/client";
import type { Comparison } from "@/lib/sampling";
import { comparisonsFromRanking } from "./fit-item-posteriors";
import { outcomeForA } from "./serving-settings";

export type TRankingResponse = { id: string; externalId: string; model: string; mu: number; sigma2: number };
export type TRankingItem = { id: string; externalId: string; responses: TRankingResponse[] };
/** A judgment as comparisons between the item's response indices (position order), in time order. */
export type TItemJudgment = { itemIndex: number; comparisons: Comparison[]; propensity: number; createdAt: Date };
export type TRankingInputs = { project: { id: string; mode: string; sampling: string }; items: TRankingItem[]; judgments: TItemJudgment[] };

// Everything the rankings, the confidence curve and the leaderboard read, in three queries.
// Items come ordered by their external id; `limit`/`offset` page through items (judgments are
// loaded for the page only).
export async function loadRankingInputs(opts: { projectId: string; limit?: number; offset?: number }): Promise<TRankingInputs> {
  const pool = getPool();
  const { rows: projects } = await pool.query<{ id: string; mode: string; sampling: string }>("SELECT id, mode, sampling FROM projects WHERE id = $1", [opts.projectId]);
  const { rows } = await pool.query<{ item_id: string; item_external: string; id: string; external_id: string; model: string; mu: number; sigma2: number }>(
    `WITH page AS (SELECT id, external_id FROM items WHERE project_id = $1 ORDER BY external_id LIMIT $2 OFFSET $3)
     SELECT p.id AS item_id, p.external_id AS item_external, r.id, r.external_id, r.model, r.mu, r.sigma2
       FROM page p JOIN responses r ON r.item_id = p.id ORDER BY p.external_id, r.position, r.id`,
    [opts.projectId, opts.limit ?? null, opts.offset ?? 0],
  );
  const items: TRankingItem[] = [];
  const itemIndex = new Map<string, number>();
  const responseIndex = new Map<string, number>();
  for (const row of rows) {
    if (!itemIndex.has(row.item_id)) {
      itemIndex.set(row.item_id, items.length);
      items.push({ id: row.item_id, externalId: row.item_external, responses: [] });
    }
    const item = items[itemIndex.get(row.item_id)!];
    responseIndex.set(row.id, item.responses.length);
    item.responses.push({ id: row.id, externalId: row.external_id, model: row.model, mu: row.mu, sigma2: row.sigma2 });
  }

  const { rows: judged } = await pool.query<{ item_id: string; a: string | null; b: string | null; pref: number | null; ranking: string[] | null; propensity: number; created_at: Date }>(
    `SELECT u.item_id, u.response_a_id AS a, u.response_b_id AS b, j.canonical_pref AS pref, j.ranking, a.propensity, j.created_at
       FROM judgments j JOIN units u ON u.id = j.unit_id JOIN assignments a ON a.id = j.assignment_id
      WHERE j.project_id = $1 AND NOT j.both_bad AND u.item_id = ANY($2::text[])
      ORDER BY j.created_at, j.id`,
    [opts.projectId, items.map((i) => i.id)],
  );
  const judgments: TItemJudgment[] = [];
  for (const row of judged) {
    const index = itemIndex.get(row.item_id);
    if (index === undefined) continue;
    let comparisons: Comparison[] = [];
    if (row.a && row.b && row.pref !== null) comparisons = [{ i: responseIndex.get(row.a)!, j: responseIndex.get(row.b)!, outcome: outcomeForA(row.pref) }];
    else if (row.ranking) comparisons = comparisonsFromRanking(row.ranking.map((id) => responseIndex.get(id)).filter((k): k is number => k !== undefined));
    if (comparisons.length) judgments.push({ itemIndex: index, comparisons, propensity: row.propensity, createdAt: row.created_at });
  }
  return { project: projects[0], items, judgments };
}

import { fitLeaderboard, rankResponses, type Comparison, type ModelComparison } from "@/lib/sampling";
import type { TItemJudgment, TRankingItem } from "./load-ranking-inputs";
import type { TRankings } from "./schemas";

const BOOTSTRAP = { rounds: 200, seed: 20240601 };

/**
 * Per item, plain Bradley–Terry on that item's judgments (the better estimator for one prompt's
 * order). The model leaderboard pools every judgment; under active sampling each is weighted by
 * its inverse propensity (normalised to mean 1), since the sampler over-serves close pairs and an
 * unweighted pooled win rate would be biased toward 50 %. Intervals: percentile bootstrap.
 */
export function buildRankings(opts: { items: readonly TRankingItem[]; judgments: readonly TItemJudgment[]; isWeighted: boolean }): TRankings {
  const { items, judgments, isWeighted } = opts;
  const byItem = items.map((): Comparison[] => []);
  for (const j of judgments) byItem[j.itemIndex].push(...j.comparisons);

  const rankedItems = items.map((item, k) => {
    const ranked = rankResponses({ responseIds: item.responses.map((r) => r.externalId), comparisons: byItem[k] });
    const modelOf = new Map(item.responses.map((r) => [r.externalId, r.model]));
    return {
      item: item.externalId,
      responses: ranked.map((r) => ({ id: r.responseId, model: modelOf.get(r.responseId) ?? "", score: round(r.score), sd: round(r.sd), judgments: r.judgments })),
    };
  });

  const meanInverse = judgments.reduce((s, j) => s + 1 / Math.max(j.propensity, 1e-9), 0) / Math.max(judgments.length, 1);
  const modelComparisons: ModelComparison[] = [];
  for (const j of judgments) {
    const responses = items[j.itemIndex].responses;
    const weight = isWeighted ? 1 / Math.max(j.propensity, 1e-9) / meanInverse : 1;
    for (const c of j.comparisons) modelComparisons.push({ modelI: responses[c.i].model, modelJ: responses[c.j].model, outcome: c.outcome, weight });
  }
  const models = fitLeaderboard({ comparisons: modelComparisons, bootstrap: BOOTSTRAP }).map((m) => ({
    model: m.model,
    score: round(m.score),
    ci95: [round(m.lower), round(m.upper)] as [number, number],
    judgments: m.judgments,
  }));
  return { items: rankedItems, models };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

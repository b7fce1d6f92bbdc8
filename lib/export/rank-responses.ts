import { aggregatePairs } from "./aggregate-pairs";
import { buildComparisons } from "./build-comparisons";
import { collectPairVotes, compareResponses } from "./collect-pair-votes";
import type { TAggregation } from "./schemas";
import type { TBtScorer, TExportItem, TExportJudgment, TExportResponse } from "./types";

export type TResponseStanding = {
  response: TExportResponse;
  /** Bradley–Terry score, or (majority) Copeland score: kept pairs won − kept pairs lost. */
  score: number;
  /** Weighted share of its votes the response won: win 1, tie ½, loss or both-bad 0. */
  winShare: number;
  nJudgments: number;
  nRaters: number;
};

/** The item's judged responses, best first; ties broken by win share, then item order. */
export function rankResponses({
  item,
  judgments,
  aggregation,
  aspect,
  raterWeights,
  btScorer,
  minRaters = 1,
}: {
  item: TExportItem;
  judgments: TExportJudgment[];
  aggregation: TAggregation;
  aspect?: string;
  raterWeights?: Map<string, number>;
  btScorer?: TBtScorer;
  minRaters?: number;
}): TResponseStanding[] {
  const pairs = collectPairVotes({ item, judgments, aspect, raterWeights });
  const tally = new Map<string, { won: number; weight: number; n: number; raters: Set<string> }>();
  const at = (id: string) => {
    let t = tally.get(id);
    if (!t) tally.set(id, (t = { won: 0, weight: 0, n: 0, raters: new Set() }));
    return t;
  };
  for (const { first, second, votes } of pairs) {
    for (const v of votes) {
      const a = at(first.id);
      const b = at(second.id);
      const firstWin = v.bothBad || v.value === null ? 0 : v.value < 0 ? 1 : v.value > 0 ? 0 : 0.5;
      const secondWin = v.bothBad || v.value === null ? 0 : 1 - firstWin;
      a.won += v.weight * firstWin;
      b.won += v.weight * secondWin;
      for (const t of [a, b]) {
        t.weight += v.weight;
        t.n++;
        t.raters.add(v.rater);
      }
    }
  }
  let scores: Map<string, number>;
  if (aggregation === "bt") {
    if (!btScorer) throw new Error("Bradley–Terry aggregation needs a btScorer");
    scores = pairs.length ? btScorer(buildComparisons({ pairs })) : new Map();
  } else {
    scores = new Map();
    for (const pair of aggregatePairs({ item, judgments, aspect, raterWeights, minRaters })) {
      if (pair.outcome !== "preference" || !pair.chosen || !pair.rejected) continue;
      scores.set(pair.chosen.id, (scores.get(pair.chosen.id) ?? 0) + 1);
      scores.set(pair.rejected.id, (scores.get(pair.rejected.id) ?? 0) - 1);
    }
  }
  const standings: TResponseStanding[] = [];
  for (const response of item.responses) {
    const t = tally.get(response.id);
    if (!t) continue;
    standings.push({
      response,
      score: scores.get(response.id) ?? 0,
      winShare: t.weight > 0 ? t.won / t.weight : 0,
      nJudgments: t.n,
      nRaters: t.raters.size,
    });
  }
  return standings.sort((x, y) => y.score - x.score || y.winShare - x.winShare || compareResponses(x.response, y.response));
}

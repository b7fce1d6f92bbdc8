import { buildComparisons } from "./build-comparisons";
import { collectPairVotes, type TPairVotes } from "./collect-pair-votes";
import { computeMargin } from "./compute-margin";
import { isSameText } from "./is-same-text";
import type { TAggregation, TMarginScheme } from "./schemas";
import type { TBtScorer, TExportItem, TExportJudgment, TExportResponse } from "./types";

/** Share of weight an outcome needs: 2 of 3 raters, or 2 of 2. */
export const AGREEMENT_THRESHOLD = 2 / 3;
const EPS = 1e-9;

export type TPairOutcome = "preference" | "tie" | "both_bad" | "dropped";

export type TAggregatedPair = {
  pairId: string;
  first: TExportResponse;
  second: TExportResponse;
  outcome: TPairOutcome;
  /** Set when outcome is "preference". */
  chosen: TExportResponse | null;
  rejected: TExportResponse | null;
  nRaters: number;
  nJudgments: number;
  /** Weighted share behind the outcome (for a preference: non-tie votes agreeing with it). */
  agreement: number;
  /** |weighted mean of s| over the votes that are not both-bad, ties counting 0. */
  strengthMean: number;
  margin: number;
  /** Bradley–Terry score gap chosen − rejected, when scores were fitted. */
  btGap: number | null;
  dropReason: string | null;
};

export type TAggregateOptions = {
  item: TExportItem;
  judgments: TExportJudgment[];
  aggregation?: TAggregation;
  margin?: TMarginScheme;
  aspect?: string;
  raterWeights?: Map<string, number>;
  btScorer?: TBtScorer;
  minRaters?: number;
};

/**
 * Decides every judged pair of one item. A pair is both-bad when ≥ ⅔ of its weight says so, a tie
 * when ≥ ⅔ of the remaining weight is ties. Otherwise, by majority, the direction is sign(Σ w·s)
 * and the pair is kept when ≥ ⅔ of the non-tie weight agrees, |mean s| ≥ 0.5, and the agreeing
 * weight exceeds the both-bad weight; by Bradley–Terry the fitted scores give the direction.
 * Pairs whose two responses are equal after whitespace normalisation are dropped.
 */
export function aggregatePairs(options: TAggregateOptions): TAggregatedPair[] {
  const { item, judgments, aggregation = "majority", margin = "none", aspect, raterWeights, btScorer, minRaters = 1 } = options;
  const pairs = collectPairVotes({ item, judgments, aspect, raterWeights });
  const needsBt = aggregation === "bt" || margin === "bt";
  if (needsBt && !btScorer) throw new Error("Bradley–Terry aggregation or margin needs a btScorer");
  const scores = needsBt && btScorer && pairs.length ? btScorer(buildComparisons({ pairs })) : null;
  return pairs.map((pair) => {
    const isIdentical = isSameText(pair.first.content, pair.second.content);
    return decidePair({ pair, itemId: item.itemId, aggregation, margin, scores, minRaters, isIdentical });
  });
}

type TVerdict = { outcome: TPairOutcome; agreement: number; dropReason: string | null; isFirstChosen: boolean };

function verdict(outcome: TPairOutcome, agreement: number, dropReason: string | null = null, isFirstChosen = false): TVerdict {
  return { outcome, agreement, dropReason, isFirstChosen };
}

function countRaters(votes: TPairVotes["votes"]): number {
  if (votes.length > 8) return new Set(votes.map((v) => v.rater)).size;
  let count = 0;
  for (let i = 0; i < votes.length; i++) {
    let isNew = true;
    for (let k = 0; k < i && isNew; k++) if (votes[k].rater === votes[i].rater) isNew = false;
    if (isNew) count++;
  }
  return count;
}

// Hot path (one call per candidate pair): no closures or spreads, one result object per pair.
function decidePair({
  pair,
  itemId,
  aggregation,
  margin,
  scores,
  minRaters,
  isIdentical,
}: {
  pair: TPairVotes;
  itemId: string;
  aggregation: TAggregation;
  margin: TMarginScheme;
  scores: Map<string, number> | null;
  minRaters: number;
  isIdentical: boolean;
}): TAggregatedPair {
  const { first, second, votes } = pair;
  let wAll = 0, wBad = 0, wValued = 0, wTie = 0, wFirst = 0, wSecond = 0, sum = 0;
  for (const v of votes) {
    wAll += v.weight;
    if (v.bothBad || v.value === null) { wBad += v.weight; continue; }
    wValued += v.weight;
    sum += v.weight * v.value;
    if (v.value === 0) wTie += v.weight;
    else if (v.value < 0) wFirst += v.weight;
    else wSecond += v.weight;
  }
  const mean = wValued > 0 ? sum / wValued : 0;
  const nRaters = countRaters(votes);
  const btGap = scores ? (scores.get(first.id) ?? 0) - (scores.get(second.id) ?? 0) : null;
  const v = decideOutcome({ isIdentical, nRaters, minRaters, aggregation, wAll, wBad, wValued, wTie, wFirst, wSecond, mean, btGap });
  const isPreference = v.outcome === "preference";
  const gap = btGap === null || !isPreference ? null : v.isFirstChosen ? btGap : -btGap;
  return {
    pairId: `${itemId}:${first.id}:${second.id}`,
    first,
    second,
    outcome: v.outcome,
    chosen: isPreference ? (v.isFirstChosen ? first : second) : null,
    rejected: isPreference ? (v.isFirstChosen ? second : first) : null,
    nRaters,
    nJudgments: votes.length,
    agreement: v.agreement,
    strengthMean: Math.abs(mean),
    margin: isPreference ? computeMargin({ scheme: margin, strengthMean: Math.abs(mean), btGap: gap }) : 0,
    btGap: gap,
    dropReason: v.dropReason,
  };
}

function decideOutcome(t: {
  isIdentical: boolean;
  nRaters: number;
  minRaters: number;
  aggregation: TAggregation;
  wAll: number;
  wBad: number;
  wValued: number;
  wTie: number;
  wFirst: number;
  wSecond: number;
  mean: number;
  btGap: number | null;
}): TVerdict {
  if (t.isIdentical) return verdict("dropped", 0, "identical after whitespace normalisation");
  if (t.nRaters < t.minRaters) return verdict("dropped", 0, "too few raters");
  if (t.wAll > 0 && t.wBad / t.wAll >= AGREEMENT_THRESHOLD - EPS) return verdict("both_bad", t.wBad / t.wAll);
  if (t.wValued > 0 && t.wTie / t.wValued >= AGREEMENT_THRESHOLD - EPS) return verdict("tie", t.wTie / t.wValued);
  const wVoters = t.wFirst + t.wSecond;
  if (wVoters === 0) return verdict("dropped", 0, "no preference");
  let isFirstChosen: boolean;
  if (t.aggregation === "bt") {
    if (t.btGap === null || Math.abs(t.btGap) < EPS) return verdict("dropped", 0, "equal scores");
    isFirstChosen = t.btGap > 0;
  } else {
    if (t.mean === 0) return verdict("dropped", Math.max(t.wFirst, t.wSecond) / wVoters, "no majority");
    isFirstChosen = t.mean < 0;
  }
  const wAgree = isFirstChosen ? t.wFirst : t.wSecond;
  const agreement = wAgree / wVoters;
  if (t.aggregation === "majority") {
    if (agreement < AGREEMENT_THRESHOLD - EPS) return verdict("dropped", agreement, "raters disagree");
    if (Math.abs(t.mean) < 0.5) return verdict("dropped", agreement, "negligible strength");
    if (wAgree <= t.wBad) return verdict("dropped", agreement, "as many both-bad votes");
  }
  return verdict("preference", agreement, null, isFirstChosen);
}

import type { TPairVoteTable } from "./collect-pair-votes";
import type { TConfidentDisagreement, TModelAccuracy, TScoreSetComparison, TSideVotes } from "./types";
import { wilsonInterval } from "./wilson-interval";

export const DISAGREEMENT_RULE = { topShare: 0.1, minHumanAgreement: 2 / 3, minJudgments: 2, limit: 100 };

/** A confident disagreement before its item and responses are looked up. */
export type TDisagreementCandidate = Omit<TConfidentDisagreement, "item" | "responses" | "models">;

/** The humans' winner: the side more of them chose (−1 first, +1 second), or 0 when they split evenly. */
export function consensusSign({ first, second }: Pick<TSideVotes, "first" | "second">): number {
  return Math.sign(second - first);
}

/** Share of the pair's judgments (ties included) that chose the majority side. */
export function humanAgreement({ first, second, ties }: TSideVotes): number {
  const total = first + second + ties;
  return total > 0 ? Math.max(first, second) / total : 0;
}

function accuracyOf(agreements: number, pairs: number): TModelAccuracy {
  return { pairs, agreements, accuracy: pairs ? agreements / pairs : null, ci95: wilsonInterval({ successes: agreements, trials: pairs }) };
}

/** Type-7 quantile of ascending values. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

type TScoredPairs = { units: string[]; gaps: Float64Array[] };

/**
 * For each score set: how often the model's preferred response (the higher score) is the one
 * the human majority preferred, over pairs where both sides have the score, the scores differ
 * and the humans have a majority; with a 95 % Wilson interval (pairs of one item are not
 * independent, so read it as a lower bound on the uncertainty). The same per aspect, against the
 * majority on that aspect. Then the confident disagreements: pairs in the top share of |score
 * gap| where the model picks the side that at least ⅔ of at least two humans rejected. Loops
 * over columns: a million judgments make a third of a million pairs per score set.
 */
export function scoreModelsAgainstHumans({
  votes,
  pairs,
  scoreNames,
  rule = DISAGREEMENT_RULE,
}: {
  votes: TPairVoteTable;
  pairs: TScoredPairs;
  scoreNames: ReadonlyArray<string>;
  rule?: typeof DISAGREEMENT_RULE;
}): { scoreSets: TScoreSetComparison[]; disagreements: TDisagreementCandidate[]; pairsWithConsensus: number } {
  const { first, second, ties, sum } = votes;
  const aspectKeys = Object.keys(votes.aspects);
  const aspectColumns = aspectKeys.map((key) => votes.aspects[key]);
  const unitOf = Int32Array.from(pairs.units, (id) => votes.indexOf.get(id) ?? -1);
  let pairsWithConsensus = 0;
  for (let u = 0; u < votes.units.length; u++) if (first[u] !== second[u]) pairsWithConsensus++;

  const disagreements: TDisagreementCandidate[] = [];
  const scoreSets = scoreNames.map((name, s): TScoreSetComparison => {
    const gaps = pairs.gaps[s];
    let compared = 0;
    let agreements = 0;
    let leftOut = 0;
    const aspectPairs = new Int32Array(aspectKeys.length);
    const aspectAgreements = new Int32Array(aspectKeys.length);
    const candidates = new Int32Array(unitOf.length);
    let candidateCount = 0;
    for (let p = 0; p < unitOf.length; p++) {
      const u = unitOf[p];
      const gap = gaps[p];
      if (u < 0 || Number.isNaN(gap)) continue;
      const model = Math.sign(gap);
      const humans = Math.sign(second[u] - first[u]);
      if (model === 0 || humans === 0) leftOut++;
      else {
        compared++;
        if (model === humans) agreements++;
        candidates[candidateCount++] = p;
      }
      if (model === 0) continue;
      for (let a = 0; a < aspectColumns.length; a++) {
        const onAspect = Math.sign(aspectColumns[a].second[u] - aspectColumns[a].first[u]);
        if (onAspect === 0) continue;
        aspectPairs[a]++;
        if (onAspect === model) aspectAgreements[a]++;
      }
    }
    const confident: TDisagreementCandidate[] = [];
    if (candidateCount) {
      const magnitudes = new Float64Array(candidateCount);
      for (let c = 0; c < candidateCount; c++) magnitudes[c] = Math.abs(gaps[candidates[c]]);
      const threshold = quantile(magnitudes.sort(), 1 - rule.topShare);
      for (let c = 0; c < candidateCount; c++) {
        const p = candidates[c];
        const u = unitOf[p];
        const gap = gaps[p];
        const judged = first[u] + second[u] + ties[u];
        const agreement = humanAgreement({ first: first[u], second: second[u], ties: ties[u] });
        if (Math.abs(gap) < threshold || Math.sign(gap) === Math.sign(second[u] - first[u])) continue;
        if (judged < rule.minJudgments || agreement < rule.minHumanAgreement - 1e-12) continue;
        confident.push({ scoreSet: name, unit: votes.units[u], scoreGap: gap, humanMean: sum[u] / judged, humanAgreement: agreement, judgments: judged });
      }
    }
    // score sets live on different scales: the list is cut per set, largest gaps first
    confident.sort((x, y) => Math.abs(y.scoreGap) - Math.abs(x.scoreGap) || (x.unit < y.unit ? -1 : 1));
    disagreements.push(...confident.slice(0, rule.limit));
    const aspects: Record<string, TModelAccuracy> = {};
    aspectKeys.forEach((key, a) => {
      if (aspectPairs[a]) aspects[key] = accuracyOf(aspectAgreements[a], aspectPairs[a]);
    });
    return { name, ...accuracyOf(agreements, compared), leftOut, aspects };
  });
  return { scoreSets, disagreements, pairsWithConsensus };
}

import { pairPriority, type PriorityRule } from "./pair-priority";
import type { Posterior } from "./types";

export type RescoreTouchedPairsOptions = {
  /** Current posteriors of every response of the prompt, after the update. */
  posteriors: readonly Posterior[];
  /** The two responses the judgment just updated. */
  i: number;
  j: number;
  beta: number;
  rule?: PriorityRule;
};

export type PairScore = { a: number; b: number; priority: number };

/**
 * The new pair-level gains (coverage excluded, see coverageFactor) of every pair that contains
 * i or j: 2(K − 1) − 1 pairs, a < b. Only these change after a judgment because a pair's gain
 * reads nothing but its own two posteriors, which keeps the per-judgment work O(K).
 */
export function rescoreTouchedPairs(options: RescoreTouchedPairsOptions): PairScore[] {
  const { posteriors, i, j, beta, rule } = options;
  if (i === j) throw new RangeError("a pair needs two different responses");
  const scores: PairScore[] = [];
  const add = (x: number, y: number) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    scores.push({ a, b, priority: pairPriority({ i: posteriors[a], j: posteriors[b], beta, rule }) });
  };
  for (let k = 0; k < posteriors.length; k++) {
    if (k !== i) add(i, k);
    if (k !== i && k !== j) add(j, k);
  }
  return scores;
}

import type { RandomSource } from "./types";

export type SelectionProbabilitiesOptions = {
  /** Priorities of the eligible candidates the server fetched (the top few dozen rows). */
  priorities: readonly number[];
  /**
   * Softmax temperature relative to the top priority: weights are exp(priority/(T·max)).
   * Priorities shrink as the posteriors sharpen, so an absolute T would drift from exploratory
   * to greedy over a project's life; a relative one keeps the same greediness. T = 0 is argmax.
   */
  temperature: number;
  /** Share of uniform exploration; keeps every candidate's propensity ≥ ε/n for the IPW refit. */
  epsilon: number;
};

export type ChooseCandidateOptions = SelectionProbabilitiesOptions & { random: RandomSource };

export type ChooseCandidateResult = { index: number; propensity: number };

/** Selection probability of each candidate: ε/n + (1 − ε)·softmax_i. */
export function selectionProbabilities(options: SelectionProbabilitiesOptions): number[] {
  const { priorities, temperature, epsilon } = options;
  const n = priorities.length;
  if (n === 0) throw new RangeError("no candidates to choose from");
  if (!(epsilon >= 0 && epsilon <= 1)) throw new RangeError(`epsilon must be in [0, 1], got ${epsilon}`);

  let top = -Infinity;
  for (const p of priorities) top = Math.max(top, p);
  const scale = temperature * Math.abs(top);
  const weights = priorities.map((p) => {
    if (!(scale > 0)) return p === top ? 1 : 0;
    // Subtracting the top keeps exp() ≤ 1, so large ratios cannot overflow.
    return Math.exp((p - top) / scale);
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => epsilon / n + ((1 - epsilon) * w) / total);
}

/**
 * Draws one candidate and returns the probability it had of being drawn. The caller stores
 * that propensity on the assignment so a later refit can weight each judgment by its inverse.
 */
export function chooseCandidate(options: ChooseCandidateOptions): ChooseCandidateResult {
  const probabilities = selectionProbabilities(options);
  const u = options.random();
  let cumulative = 0;
  for (let index = 0; index < probabilities.length; index++) {
    cumulative += probabilities[index];
    if (u < cumulative) return { index, propensity: probabilities[index] };
  }
  // Rounding can leave the cumulative sum a hair under 1; the last candidate absorbs it.
  const last = probabilities.length - 1;
  return { index: last, propensity: probabilities[last] };
}

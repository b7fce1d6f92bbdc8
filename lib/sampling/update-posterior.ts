import type { Posterior } from "./types";

export type UpdatePosteriorOptions = {
  i: Posterior;
  j: Posterior;
  /** From i's view: 1 = i preferred, 0.5 = tie, 0 = j preferred (graded values in between allowed). */
  outcome: number;
  /** Per-judgment performance noise; the judge's slope on the mean scale is 1/(β√2). */
  beta: number;
  /** Weng & Lin's κ: the variance shrink factor never drops below it, so σ² stays positive. */
  kappa?: number;
};

export type UpdatePosteriorResult = { i: Posterior; j: Posterior };

/**
 * Weng & Lin (2011) Bradley–Terry full-pair update (their Algorithm 1 with two players).
 * The shared scale c = √(2β² + σ_i² + σ_j²) widens the logistic while either side is still
 * uncertain, so early judgments move the means a lot and later ones refine them. Each side's
 * variance shrinks by the information the judgment carried about it, γ·(σ²/c²)·p_i·p_j with
 * γ = σ/c (the paper's choice), floored at κ so a long run of judgments cannot collapse it.
 */
export function updatePosterior(options: UpdatePosteriorOptions): UpdatePosteriorResult {
  const { i, j, outcome, beta, kappa = 1e-4 } = options;
  if (!(outcome >= 0 && outcome <= 1)) throw new RangeError(`outcome must be in [0, 1], got ${outcome}`);
  if (!(beta > 0)) throw new RangeError(`beta must be positive, got ${beta}`);

  const c = Math.sqrt(2 * beta * beta + i.variance + j.variance);
  const pI = 1 / (1 + Math.exp(-(i.mean - j.mean) / c));
  const pJ = 1 - pI;
  const surprise = outcome - pI;
  const c2 = c * c;

  const shrinkI = (Math.sqrt(i.variance) / c) * (i.variance / c2) * pI * pJ;
  const shrinkJ = (Math.sqrt(j.variance) / c) * (j.variance / c2) * pI * pJ;

  return {
    i: { mean: i.mean + (i.variance / c) * surprise, variance: i.variance * Math.max(1 - shrinkI, kappa) },
    j: { mean: j.mean - (j.variance / c) * surprise, variance: j.variance * Math.max(1 - shrinkJ, kappa) },
  };
}

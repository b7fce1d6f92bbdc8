import { normalCdf } from "./normal-cdf";
import type { Posterior } from "./types";

/**
 * "misorder" (default): Φ(−|μ_i − μ_j|/√V)·V/(V + 2β²) with V = σ_i² + σ_j². The first factor is
 * the posterior probability that the pair is currently ordered wrongly (exactly what Kendall τ
 * charges for), the second the share of V one judgment can remove (a Kalman gain). It needed
 * fewer labels than the two rules below in bench/active-learning-sim.ts.
 * "variance": p(1−p)·V/c², the expected information gain of the reference design.
 * "d-optimal": ½·log(1 + p(1−p)·V/(2β²)), the Gaussian-posterior Fisher (D-optimal) gain about
 * the difference μ_i − μ_j.
 */
export type PriorityRule = "misorder" | "variance" | "d-optimal";

export type PairPriorityOptions = {
  i: Posterior;
  j: Posterior;
  beta: number;
  /** Judgments already spent on this pair's prompt; spreads labels across prompts. */
  labelsOnPrompt?: number;
  rule?: PriorityRule;
};

/**
 * How much one more judgment of (i, j) is expected to improve the ranking. Every rule favours
 * close pairs (whose order is in doubt) that we know little about. The coverage factor 1/√(1 + labels) keeps a few sharp prompts from hogging the budget,
 * since the quality measure (mean within-prompt Kendall τ) weights every prompt equally.
 */
export function pairPriority(options: PairPriorityOptions): number {
  const { i, j, beta, labelsOnPrompt = 0, rule = "misorder" } = options;
  const noise = 2 * beta * beta;
  const spread = i.variance + j.variance;
  const gap = i.mean - j.mean;
  if (rule === "misorder") return normalCdf(-Math.abs(gap) / Math.sqrt(spread)) * (spread / (spread + noise)) * coverageFactor(labelsOnPrompt);
  const c = Math.sqrt(noise + spread);
  const p = 1 / (1 + Math.exp(-gap / c));
  const gain = rule === "variance" ? (p * (1 - p) * spread) / (c * c) : 0.5 * Math.log1p((p * (1 - p) * spread) / noise);
  return gain * coverageFactor(labelsOnPrompt);
}

/**
 * The prompt-level part of the priority, split out so a store can keep the pair-level gain on
 * each row and apply this per prompt: then a judgment rewrites only the 2K − 3 rows touching
 * the two updated responses (O(K)), not all K(K − 1)/2 rows of the prompt.
 */
export function coverageFactor(labelsOnPrompt: number): number {
  return 1 / Math.sqrt(1 + labelsOnPrompt);
}

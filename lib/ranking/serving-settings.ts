import type { Posterior } from "@/lib/sampling";

// Settings of the online model that serves active sampling; the values bench/active-learning-sim.ts
// used when active sampling beat random (β from a judge slope of 1.2: 1/(β√2) ≈ 1.2).
export const SERVING_BETA = 0.6;
export const SERVING_KAPPA = 1e-4;
/** Softmax temperature relative to the top priority among the candidates. */
export const SERVING_TEMPERATURE = 0.3;
/** How many top rows by priority the server fetches (and locks) before sampling one. */
export const SERVING_CANDIDATES = 32;
/** The judges' slope on the posterior scale: a posterior mean μ is μ·SLOPE logits. */
export const POSTERIOR_TO_LOGIT = 1 / (SERVING_BETA * Math.SQRT2);
export const FLAT_PRIOR: Posterior = { mean: 0, variance: 1 };

/**
 * A canonical pairwise preference (negative = the earlier response, unit side A, is better) as the
 * outcome from A's view: only the sign counts (the graded strength is how sure the rater felt, not
 * a BT margin), a tie is half a win each. Both-bad carries no order and is never passed here.
 */
export function outcomeForA(canonicalPreference: number): number {
  return canonicalPreference < 0 ? 1 : canonicalPreference > 0 ? 0 : 0.5;
}

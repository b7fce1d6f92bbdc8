import { fitBradleyTerry, invertSymmetric, type Comparison, type Posterior } from "@/lib/sampling";
import { POSTERIOR_TO_LOGIT, SERVING_KAPPA } from "./serving-settings";

/**
 * Batch posterior of one item's responses: the Bradley–Terry MAP with the model prior as the
 * ridge centre (Laplace approximation), back on the serving scale. This is what the online
 * Weng–Lin updates approximate one judgment at a time; refitting corrects their order
 * dependence and any update skipped under contention. Unweighted on purpose: within one item the
 * likelihood does not depend on how pairs were chosen, so inverse-propensity weights would only
 * add variance here (they belong to pooled win rates, i.e. the leaderboard).
 */
export function fitItemPosteriors(opts: { priors: readonly Posterior[]; comparisons: readonly Comparison[] }): Posterior[] {
  const { priors, comparisons } = opts;
  if (!comparisons.length || priors.length < 2) return priors.map((p) => ({ ...p }));
  const slope = POSTERIOR_TO_LOGIT;
  const meanVariance = priors.reduce((s, p) => s + p.variance, 0) / priors.length;
  const ridge = 1 / (meanVariance * slope * slope);
  const priorMean = priors.map((p) => p.mean * slope);
  const fit = fitBradleyTerry({ count: priors.length, comparisons, ridge, priorMean });
  // The ridge pins the sum of the scores to the prior's sum, which the fit's centring removed.
  const centre = priorMean.reduce((s, m) => s + m, 0) / priors.length;
  const scores = fit.scores.map((s) => s + centre);

  // Marginal (not centred) variances: the serving priority adds σ_i² + σ_j² as if independent,
  // which the centred ones would understate.
  const information = priors.map((_, r) => priors.map((_, c) => (r === c ? ridge : 0)));
  for (const { i, j, weight = 1 } of comparisons) {
    const p = 1 / (1 + Math.exp(-(scores[i] - scores[j])));
    const curvature = weight * p * (1 - p);
    information[i][i] += curvature;
    information[j][j] += curvature;
    information[i][j] -= curvature;
    information[j][i] -= curvature;
  }
  const covariance = invertSymmetric(information);
  return scores.map((s, k) => ({ mean: s / slope, variance: Math.max(covariance[k][k] / (slope * slope), SERVING_KAPPA) }));
}

/** A ranking (response indices best first) as the K(K−1)/2 pairwise wins it implies. */
export function comparisonsFromRanking(order: readonly number[]): Comparison[] {
  const comparisons: Comparison[] = [];
  for (let x = 0; x < order.length; x++) for (let y = x + 1; y < order.length; y++) comparisons.push({ i: order[x], j: order[y], outcome: 1 });
  return comparisons;
}

import { invertSymmetric } from "./invert-symmetric";
import type { Comparison } from "./types";

export type FitBradleyTerryOptions = {
  /** Number of items (responses of one prompt, or models); comparisons index into 0..count−1. */
  count: number;
  /** Outcome from i's view: 1 win, 0.5 tie (half a win each), 0 loss; weight defaults to 1. */
  comparisons: readonly Comparison[];
  /** Precision of the Gaussian prior on each score; keeps unjudged or unbeaten items finite. */
  ridge?: number;
  /** Prior means on the logit scale (e.g. a scaled model prior); defaults to 0. */
  priorMean?: readonly number[];
  maxIterations?: number;
  tolerance?: number;
};

export type FitBradleyTerryResult = {
  /** Logit scale, centred at 0: P(i beats j) = 1/(1 + e^−(score_i − score_j)). */
  scores: number[];
  /** Standard deviation of each centred score from the inverse Hessian. */
  sd: number[];
  /** Number of comparisons each item took part in (unweighted). */
  judgments: number[];
  iterations: number;
  converged: boolean;
};

type Settings = { count: number; comparisons: readonly Comparison[]; ridge: number; mean: readonly number[] };

function logPosterior(scores: readonly number[], o: Settings): number {
  let total = 0;
  for (const { i, j, outcome, weight = 1 } of o.comparisons) {
    const d = scores[i] - scores[j];
    // log σ(d) = −log(1 + e^−d), written to stay finite for large |d|.
    const logWin = -Math.log1p(Math.exp(-Math.abs(d))) + Math.min(d, 0);
    const logLoss = logWin - d;
    total += weight * (outcome * logWin + (1 - outcome) * logLoss);
  }
  for (let k = 0; k < o.count; k++) total -= 0.5 * o.ridge * (scores[k] - o.mean[k]) ** 2;
  return total;
}

function derivatives(scores: readonly number[], o: Settings): { gradient: number[]; information: number[][] } {
  const gradient = scores.map((s, k) => -o.ridge * (s - o.mean[k]));
  const information = scores.map((_, r) => scores.map((_, c) => (r === c ? o.ridge : 0)));
  for (const { i, j, outcome, weight = 1 } of o.comparisons) {
    const p = 1 / (1 + Math.exp(-(scores[i] - scores[j])));
    const residual = weight * (outcome - p);
    gradient[i] += residual;
    gradient[j] -= residual;
    const curvature = weight * p * (1 - p);
    information[i][i] += curvature;
    information[j][j] += curvature;
    information[i][j] -= curvature;
    information[j][i] -= curvature;
  }
  return { gradient, information };
}

/**
 * Weighted Bradley–Terry maximum a posteriori fit by Newton's method with step halving. Weights
 * carry inverse propensities (adaptive sampling over-serves some pairs) and rater reliability.
 * The ridge makes the objective strictly concave, so Newton converges and the Hessian inverts.
 */
export function fitBradleyTerry(options: FitBradleyTerryOptions): FitBradleyTerryResult {
  const { count, comparisons, ridge = 0.1, maxIterations = 100, tolerance = 1e-10 } = options;
  if (!(ridge > 0)) throw new RangeError(`ridge must be positive, got ${ridge}`);
  const mean = options.priorMean ?? new Array<number>(count).fill(0);
  const settings: Settings = { count, comparisons, ridge, mean };
  const judgments = new Array<number>(count).fill(0);
  for (const { i, j } of comparisons) {
    judgments[i]++;
    judgments[j]++;
  }

  let scores = [...mean];
  let objective = logPosterior(scores, settings);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const { gradient, information } = derivatives(scores, settings);
    const inverse = invertSymmetric(information);
    const step = inverse.map((row) => row.reduce((s, v, k) => s + v * gradient[k], 0));
    let scale = 1;
    let candidate = scores.map((s, k) => s + step[k]);
    let candidateObjective = logPosterior(candidate, settings);
    while (candidateObjective < objective - 1e-12 && scale > 1e-6) {
      scale /= 2;
      candidate = scores.map((s, k) => s + scale * step[k]);
      candidateObjective = logPosterior(candidate, settings);
    }
    converged = Math.max(0, ...step.map((s) => Math.abs(s * scale))) < tolerance;
    scores = candidate;
    objective = candidateObjective;
  }

  // Covariance of the centred scores, P·H⁻¹·P with P = I − 11ᵀ/n: centring removes the common
  // shift, which only the ridge pins down and which says nothing about the ranking.
  const covariance = invertSymmetric(derivatives(scores, settings).information);
  const rowMean = covariance.map((row) => row.reduce((s, v) => s + v, 0) / count);
  const grandMean = rowMean.reduce((s, v) => s + v, 0) / count;
  const sd = covariance.map((row, k) => Math.sqrt(Math.max(row[k] - 2 * rowMean[k] + grandMean, 0)));
  const centre = scores.reduce((s, v) => s + v, 0) / count;
  return { scores: scores.map((s) => s - centre), sd, judgments, iterations, converged };
}

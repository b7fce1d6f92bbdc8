import type { TDawidSkeneResult } from "./dawid-skene";
import { confusionCells, expectThreeClasses, maximizeThreeClasses, PRODUCT_CEILING, PRODUCT_FLOOR } from "./dawid-skene-three-classes";

/** Labels already grouped by unit: unit u owns entries unitStart[u] .. unitStart[u + 1]. */
export type TGroupedDawidSkeneInput = {
  unitStart: Int32Array;
  raters: Int32Array;
  labels: Int32Array;
  classCount: number;
  raterCount: number;
  maxIterations?: number;
  tolerance?: number;
  smoothing?: number;
  initial?: { classPriors: ArrayLike<number>; confusion: ArrayLike<number> };
  /**
   * The caller reads only the reliabilities, which the last M-step sets: the E-step after the
   * last allowed round is then skipped (posteriors stay those of the round before, and a fit
   * that runs out of rounds is not tested for convergence).
   */
  isReliabilityOnly?: boolean;
};

// The EM steps work on labels grouped by unit in typed arrays: the E-step then multiplies
// probabilities per unit instead of taking an exp and a log per label, and V8 keeps these small
// monomorphic loops optimised.
export type TEmState = {
  /** labels ordered by unit; unit u owns entries unitStart[u] .. unitStart[u + 1] */
  unitStart: Int32Array;
  raters: Int32Array;
  labels: Int32Array;
  K: number;
  U: number;
  R: number;
  smoothing: number;
  posteriors: Float64Array;
  priors: Float64Array;
  confusion: Float64Array;
};

// a unit with hundreds of labels could underflow the running product: rescale below this
const UNDERFLOW_GUARD = 1e-150;

/** The M-step for any number of classes (see maximize). */
export function maximizeAnyClasses(s: TEmState): void {
  const { unitStart, raters, labels, K, U, R, posteriors, priors, confusion } = s;
  priors.fill(s.smoothing);
  for (let u = 0; u < U; u++) for (let k = 0; k < K; k++) priors[k] += posteriors[u * K + k];
  for (let k = 0; k < K; k++) priors[k] /= U + K * s.smoothing;
  confusion.fill(s.smoothing);
  for (let u = 0; u < U; u++) {
    const row = u * K;
    for (let j = unitStart[u]; j < unitStart[u + 1]; j++) {
      const cell = raters[j] * K * K + labels[j];
      for (let k = 0; k < K; k++) confusion[cell + k * K] += posteriors[row + k];
    }
  }
  for (let rk = 0; rk < R * K; rk++) {
    let total = 0;
    for (let l = 0; l < K; l++) total += confusion[rk * K + l];
    for (let l = 0; l < K; l++) confusion[rk * K + l] /= total;
  }
}

/** Posteriors ∝ prior × Π P(label | class); returns the log-likelihood of all labels (see PRODUCT_FLOOR). */
export function expectAnyClasses(s: TEmState): number {
  const { unitStart, raters, labels, K, U, posteriors, priors, confusion } = s;
  let logLikelihood = 0;
  let product = 1;
  for (let u = 0; u < U; u++) {
    const row = u * K;
    for (let k = 0; k < K; k++) posteriors[row + k] = priors[k];
    for (let j = unitStart[u]; j < unitStart[u + 1]; j++) {
      const cell = raters[j] * K * K + labels[j];
      let max = 0;
      for (let k = 0; k < K; k++) {
        const p = posteriors[row + k] * confusion[cell + k * K];
        posteriors[row + k] = p;
        if (p > max) max = p;
      }
      if (max < UNDERFLOW_GUARD) {
        for (let k = 0; k < K; k++) posteriors[row + k] /= max;
        logLikelihood += Math.log(max);
      }
    }
    let total = 0;
    for (let k = 0; k < K; k++) total += posteriors[row + k];
    for (let k = 0; k < K; k++) posteriors[row + k] /= total;
    product *= total;
    if (!(product >= PRODUCT_FLOOR && product <= PRODUCT_CEILING)) {
      logLikelihood += Math.log(product);
      product = 1;
    }
  }
  return logLikelihood + Math.log(product);
}

type TFitState = TEmState & { cells: Int32Array | null };
const maximize = (s: TFitState): void => (s.cells ? maximizeThreeClasses({ unitStart: s.unitStart, cells: s.cells }, s) : maximizeAnyClasses(s));
const expect = (s: TFitState): number => (s.cells ? expectThreeClasses({ unitStart: s.unitStart, cells: s.cells }, s) : expectAnyClasses(s));

/** Dawid–Skene EM on grouped, already validated labels (see dawidSkene for the options). */
export function fitDawidSkene(input: TGroupedDawidSkeneInput): TDawidSkeneResult {
  const { unitStart, raters, labels, classCount: K, raterCount: R, maxIterations = 100, tolerance = 1e-6, smoothing = 0.01 } = input;
  const U = unitStart.length - 1;
  const count = labels.length;
  const s: TFitState = {
    unitStart,
    raters,
    labels,
    K,
    U,
    R,
    smoothing,
    posteriors: new Float64Array(U * K),
    priors: new Float64Array(K),
    confusion: new Float64Array(R * K * K),
    cells: K === 3 ? confusionCells(raters, labels) : null,
  };
  const { posteriors, priors, confusion } = s;
  const labelsPerRater = new Float64Array(R);
  for (let j = 0; j < count; j++) labelsPerRater[raters[j]]++;

  let previous = -Infinity;
  if (input.initial) {
    if (input.initial.classPriors.length !== K || input.initial.confusion.length !== R * K * K) {
      throw new RangeError("initial parameters must match classCount and raterCount");
    }
    priors.set(Array.from(input.initial.classPriors));
    confusion.set(Array.from(input.initial.confusion));
    previous = expect(s);
  } else {
    // start from the (soft) majority vote: each unit's share of labels per class
    for (let u = 0; u < U; u++) {
      const size = unitStart[u + 1] - unitStart[u];
      for (let j = unitStart[u]; j < unitStart[u + 1]; j++) posteriors[u * K + labels[j]] += 1 / size;
      if (size === 0) for (let k = 0; k < K; k++) posteriors[u * K + k] = 1 / K;
    }
  }

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    maximize(s);
    if (input.isReliabilityOnly && iterations === maxIterations) break;
    const logLikelihood = expect(s);
    // relative to the label count, so the stopping point does not depend on the data set's size
    if (Math.abs(logLikelihood - previous) <= tolerance * Math.max(1, count)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }

  const reliability = Array.from({ length: R }, (_, r) => {
    if (labelsPerRater[r] === 0) return null;
    let accuracy = 0;
    for (let k = 0; k < K; k++) accuracy += priors[k] * confusion[r * K * K + k * K + k];
    return accuracy;
  });
  return { reliability, posteriors, classPriors: Array.from(priors), confusion, iterations, converged };
}

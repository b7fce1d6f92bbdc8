// The EM steps of fitDawidSkene for three classes (the report's winner: first, tie, second),
// with a unit's three posteriors held in locals instead of re-read from memory after every
// label, and each label's confusion cell computed once per fit instead of once per step. Every
// floating-point operation is the generic step's, in the same order, so the two give
// bit-identical fits (dawid-skene-three-classes.test.ts); this one takes half the time.

// a unit with hundreds of labels could underflow the running product: rescale below this
const UNDERFLOW_GUARD = 1e-150;

// The log-likelihood only decides when EM stops. Units' probabilities are multiplied and the
// log taken of the product when it leaves this range (every few dozen units) rather than of
// every unit's: a Math.log per unit was most of the E-step. The sum differs from Σ log only in
// rounding (~1e-16 relative), far below the stopping tolerance.
export const PRODUCT_FLOOR = 1e-100;
export const PRODUCT_CEILING = 1e100;

/** Labels grouped by unit (unit u owns entries unitStart[u] .. unitStart[u + 1]), as cells. */
type TGroupedCells = { unitStart: Int32Array; cells: Int32Array };

/** Each label's offset in the confusion array: rater × 9 + label (add 3 × class for the class's row). */
export function confusionCells(raters: Int32Array, labels: Int32Array): Int32Array {
  const cells = new Int32Array(labels.length);
  for (let j = 0; j < labels.length; j++) cells[j] = raters[j] * 9 + labels[j];
  return cells;
}

/** M-step: class priors and per-rater confusion rows (raterCount × 3 × 3) from the posteriors. */
export function maximizeThreeClasses(
  { unitStart, cells }: TGroupedCells,
  s: { U: number; R: number; smoothing: number; posteriors: Float64Array; priors: Float64Array; confusion: Float64Array },
): void {
  const { U, R, smoothing, posteriors, priors, confusion } = s;
  let prior0 = smoothing;
  let prior1 = smoothing;
  let prior2 = smoothing;
  for (let u = 0; u < U; u++) {
    prior0 += posteriors[u * 3];
    prior1 += posteriors[u * 3 + 1];
    prior2 += posteriors[u * 3 + 2];
  }
  const units = U + 3 * smoothing;
  priors[0] = prior0 / units;
  priors[1] = prior1 / units;
  priors[2] = prior2 / units;
  confusion.fill(smoothing);
  for (let u = 0; u < U; u++) {
    const w0 = posteriors[u * 3];
    const w1 = posteriors[u * 3 + 1];
    const w2 = posteriors[u * 3 + 2];
    for (let j = unitStart[u]; j < unitStart[u + 1]; j++) {
      const cell = cells[j];
      confusion[cell] += w0;
      confusion[cell + 3] += w1;
      confusion[cell + 6] += w2;
    }
  }
  for (let row = 0; row < R * 9; row += 3) {
    const total = confusion[row] + confusion[row + 1] + confusion[row + 2];
    confusion[row] /= total;
    confusion[row + 1] /= total;
    confusion[row + 2] /= total;
  }
}

/** E-step: posteriors ∝ prior × Π P(label | class); returns the log-likelihood of all labels. */
export function expectThreeClasses(
  { unitStart, cells }: TGroupedCells,
  s: { U: number; posteriors: Float64Array; priors: Float64Array; confusion: Float64Array },
): number {
  const { U, posteriors, priors, confusion } = s;
  let logLikelihood = 0;
  let product = 1;
  for (let u = 0; u < U; u++) {
    let p0 = priors[0];
    let p1 = priors[1];
    let p2 = priors[2];
    for (let j = unitStart[u]; j < unitStart[u + 1]; j++) {
      const cell = cells[j];
      p0 *= confusion[cell];
      p1 *= confusion[cell + 3];
      p2 *= confusion[cell + 6];
      // the generic step's test, max < guard, only where it can hold (also with a NaN)
      if (!(p0 >= UNDERFLOW_GUARD || p1 >= UNDERFLOW_GUARD || p2 >= UNDERFLOW_GUARD)) {
        let max = 0;
        if (p0 > max) max = p0;
        if (p1 > max) max = p1;
        if (p2 > max) max = p2;
        if (max < UNDERFLOW_GUARD) {
          p0 /= max;
          p1 /= max;
          p2 /= max;
          logLikelihood += Math.log(max);
        }
      }
    }
    const total = p0 + p1 + p2;
    posteriors[u * 3] = p0 / total;
    posteriors[u * 3 + 1] = p1 / total;
    posteriors[u * 3 + 2] = p2 / total;
    product *= total;
    if (!(product >= PRODUCT_FLOOR && product <= PRODUCT_CEILING)) {
      logLikelihood += Math.log(product);
      product = 1;
    }
  }
  return logLikelihood + Math.log(product);
}

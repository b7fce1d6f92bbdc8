import { fitDawidSkene } from "./fit-dawid-skene";

// Dawid & Skene (1979): EM over a latent true class per unit and a confusion matrix per rater.
// Input is one entry per label in parallel arrays so a million labels cost no objects.

export type TDawidSkeneInput = {
  /** unit index of each label, 0..unitCount−1 */
  units: ArrayLike<number>;
  /** rater index of each label, 0..raterCount−1 */
  raters: ArrayLike<number>;
  /** class of each label, 0..classCount−1 */
  labels: ArrayLike<number>;
  classCount: number;
  unitCount?: number;
  raterCount?: number;
  maxIterations?: number;
  /** stop when the log-likelihood per label improves by less than this */
  tolerance?: number;
  /** pseudo-count added to every confusion cell and class prior, so no rate is exactly 0 or 1 */
  smoothing?: number;
  /** start from these parameters (e.g. a fit on a subsample) instead of the majority vote */
  initial?: { classPriors: ArrayLike<number>; confusion: ArrayLike<number> };
};

export type TDawidSkeneResult = {
  /** per rater, Σ_k prior_k · P(says k | truth k): the estimated accuracy; null without labels */
  reliability: (number | null)[];
  /** unitCount × classCount, row-major: P(true class | labels) */
  posteriors: Float64Array;
  classPriors: number[];
  /** raterCount × classCount × classCount: P(label l | true class k) at [r][k][l] */
  confusion: Float64Array;
  iterations: number;
  converged: boolean;
};

function maxIndexPlusOne(values: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max + 1;
}

/** Counting sort of the labels by unit. */
function groupByUnit(
  units: ArrayLike<number>,
  raters: ArrayLike<number>,
  labels: ArrayLike<number>,
  U: number,
): { unitStart: Int32Array; raters: Int32Array; labels: Int32Array } {
  const count = labels.length;
  const unitStart = new Int32Array(U + 1);
  for (let j = 0; j < count; j++) unitStart[units[j] + 1]++;
  for (let u = 0; u < U; u++) unitStart[u + 1] += unitStart[u];
  const next = unitStart.slice(0, U);
  const groupedRaters = new Int32Array(count);
  const groupedLabels = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const at = next[units[j]]++;
    groupedRaters[at] = raters[j];
    groupedLabels[at] = labels[j];
  }
  return { unitStart, raters: groupedRaters, labels: groupedLabels };
}

/**
 * Dawid–Skene from (unit, rater, label) triples: initialised from the majority vote, EM until the
 * log-likelihood gain per label drops below `tolerance` or `maxIterations` rounds, with additive
 * smoothing. Reliability is each rater's estimated accuracy, Σ_k prior_k · P(says k | truth k).
 */
export function dawidSkene(input: TDawidSkeneInput): TDawidSkeneResult {
  const { classCount: K } = input;
  const count = input.labels.length;
  if (input.units.length !== count || input.raters.length !== count) throw new RangeError("units, raters and labels must have equal length");
  const U = input.unitCount ?? maxIndexPlusOne(input.units);
  const R = input.raterCount ?? maxIndexPlusOne(input.raters);
  const isIndex = (value: number, size: number): boolean => Number.isInteger(value) && value >= 0 && value < size;
  for (let j = 0; j < count; j++) {
    if (!isIndex(input.labels[j], K)) throw new RangeError(`label ${input.labels[j]} is not a class in 0..${K - 1}`);
    if (!isIndex(input.units[j], U) || !isIndex(input.raters[j], R)) throw new RangeError(`label ${j} has a unit or rater index out of range`);
  }
  return fitDawidSkene({ ...input, ...groupByUnit(input.units, input.raters, input.labels, U), raterCount: R });
}

import { findLabelsToReach, type CurvePoint } from "./find-labels-to-reach";

export type RunCurve = { seed: number; curve: readonly CurvePoint[] };

export type LabelsToReach = {
  target: number;
  /** Per seed, in the order given; null where the budget ran out first. */
  perSeed: Array<number | null>;
  reached: number;
  /** Over the seeds that reached the target (all of them, when reached = seeds). */
  mean: number | null;
  sd: number | null;
};

export type Reduction = { mean: number; sd: number; pairs: number };

/** Labels to reach a τ target per seed, with mean and sample sd over seeds. */
export function summarizeLabelsToReach(runs: readonly RunCurve[], target: number): LabelsToReach {
  const perSeed = runs.map((r) => findLabelsToReach(r.curve, target));
  const reached = perSeed.filter((x): x is number => x !== null);
  if (reached.length === 0) return { target, perSeed, reached: 0, mean: null, sd: null };
  const mean = reached.reduce((s, x) => s + x, 0) / reached.length;
  const sd = reached.length > 1 ? Math.sqrt(reached.reduce((s, x) => s + (x - mean) ** 2, 0) / (reached.length - 1)) : 0;
  return { target, perSeed, reached: reached.length, mean, sd };
}

/**
 * Fractional saving against a baseline, paired by seed: both strategies face the same world
 * (truth, judges, model scores) on a seed, so the per-seed ratio removes most of the
 * between-world spread. Seeds where either side missed the target are left out.
 */
export function pairedReduction(candidate: LabelsToReach, baseline: LabelsToReach): Reduction | null {
  const savings: number[] = [];
  candidate.perSeed.forEach((x, k) => {
    const base = baseline.perSeed[k];
    if (x !== null && base !== null && base > 0) savings.push(1 - x / base);
  });
  if (savings.length === 0) return null;
  const mean = savings.reduce((s, x) => s + x, 0) / savings.length;
  const sd = savings.length > 1 ? Math.sqrt(savings.reduce((s, x) => s + (x - mean) ** 2, 0) / (savings.length - 1)) : 0;
  return { mean, sd, pairs: savings.length };
}

/** Pointwise mean of curves checked at the same label counts. */
export function meanCurve(runs: readonly RunCurve[]): CurvePoint[] {
  if (runs.length === 0) return [];
  return runs[0].curve.map((point, k) => ({ labels: point.labels, tau: runs.reduce((s, r) => s + r.curve[k].tau, 0) / runs.length }));
}

import { createRng } from "@/lib/sampling/create-rng";
export type TInterval = [number, number];

/** mulberry32, the one seeded generator of the codebase (lib/sampling/create-rng.ts): same seed, same sequence. */
export const mulberry32 = (seed: number): (() => number) => createRng(seed);

/** Type-7 (linear interpolation) quantile of ascending values. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export type TBootstrapOptions<T> = {
  units: ArrayLike<T>;
  iterations?: number;
  seed: number;
  /**
   * Units drawn per resample; defaults to all of them. Fewer makes this an m-out-of-n bootstrap:
   * the spread around the full-data estimate is shrunk by √(m/n), the rate these statistics
   * converge at, so the interval keeps the width it would have for all n units.
   */
  sampleSize?: number;
};

type TVectorStatistic<T> = (sample: ReadonlyArray<T>) => ReadonlyArray<number | null>;

/**
 * 95% percentile intervals for several statistics from the same resamples of units. The
 * statistic gets a reused buffer: it must read it, not keep it. A resample where a statistic is
 * undefined (null) is dropped for that statistic; if more than half are, its interval is null.
 */
export function bootstrapCIs<T>({
  units,
  statistic,
  iterations = 1000,
  seed,
  sampleSize,
  pointEstimates,
}: TBootstrapOptions<T> & {
  statistic: TVectorStatistic<T>;
  /** the statistics on all units, when the caller has them already (used only when subsampling) */
  pointEstimates?: ReadonlyArray<number | null>;
}): (TInterval | null)[] {
  const n = units.length;
  const rounds = Math.floor(iterations);
  if (n === 0 || !(rounds >= 1)) return [];
  const m = Math.max(1, Math.min(n, Math.floor(sampleSize ?? n)));
  const isSubsampled = m < n;
  const estimates = isSubsampled ? (pointEstimates ?? statistic(Array.from(units))) : null;
  const random = mulberry32(seed);
  const sample: T[] = new Array<T>(m);
  let draws: Float64Array[] = [];
  let defined: number[] = [];
  for (let it = 0; it < rounds; it++) {
    for (let i = 0; i < m; i++) sample[i] = units[Math.floor(random() * n)];
    const values = statistic(sample);
    if (it === 0) {
      draws = values.map(() => new Float64Array(rounds));
      defined = values.map(() => 0);
    }
    for (let s = 0; s < draws.length; s++) {
      const v = values[s];
      if (v !== null && Number.isFinite(v)) draws[s][defined[s]++] = v;
    }
  }
  return draws.map((all, s) => {
    if (defined[s] * 2 < rounds) return null;
    const sorted = all.subarray(0, defined[s]).sort();
    const lo = quantile(sorted, 0.025);
    const hi = quantile(sorted, 0.975);
    if (!isSubsampled) return [lo, hi];
    const estimate = estimates?.[s];
    if (estimate === null || estimate === undefined) return null;
    const shrink = Math.sqrt(m / n);
    return [estimate + shrink * (lo - estimate), estimate + shrink * (hi - estimate)];
  });
}

/** 95% percentile interval of one statistic over resampled units (null when undefined). */
export function bootstrapCI<T>({
  statistic,
  pointEstimate,
  ...options
}: TBootstrapOptions<T> & { statistic: (sample: ReadonlyArray<T>) => number | null; pointEstimate?: number | null }): TInterval | null {
  const pointEstimates = pointEstimate === undefined ? undefined : [pointEstimate];
  return bootstrapCIs({ ...options, pointEstimates, statistic: (sample) => [statistic(sample)] })[0] ?? null;
}

export type TLatencySummary = { count: number; p50: number; p90: number; p95: number; p99: number; max: number; mean: number };

// Nearest-rank percentiles over every recorded sample (no histogram bucketing).
export function summarize(samples: number[]): TLatencySummary {
  if (samples.length === 0) return { count: 0, p50: NaN, p90: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (v: number) => Math.round(v * 100) / 100;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, p50: round(at(0.5)), p90: round(at(0.9)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]), mean: round(mean) };
}

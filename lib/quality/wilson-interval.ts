import type { TInterval } from "@/lib/agreement";

const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (95 %). Unlike p ± z·se it stays inside [0, 1]
 * and keeps a sensible width at 0 or n successes. Null without trials.
 */
export function wilsonInterval({ successes, trials, z = Z95 }: { successes: number; trials: number; z?: number }): TInterval | null {
  if (!(trials > 0)) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // at 0 or n successes the bound is exactly 0 or 1; rounding would leave 1e-16 off
  return [successes <= 0 ? 0 : Math.max(0, center - half), successes >= trials ? 1 : Math.min(1, center + half)];
}

import { kendallTau } from "./kendall-tau";

/**
 * Mean within-prompt Kendall τ-b of estimates against the truth. Each prompt counts once, the
 * way a trainer uses the rankings: a per-prompt order of its responses.
 */
export function meanKendallTau(estimates: readonly (readonly number[])[], truth: readonly (readonly number[])[]): number {
  if (truth.length === 0) return 0;
  let sum = 0;
  for (let p = 0; p < truth.length; p++) sum += kendallTau(estimates[p], truth[p]);
  return sum / truth.length;
}

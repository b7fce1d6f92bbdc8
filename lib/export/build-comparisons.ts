import type { TPairVotes } from "./collect-pair-votes";
import type { TExportComparison } from "./types";

/** Smallest propensity used for inverse weighting, so one unlikely pick weighs at most 20 votes. */
export const MIN_PROPENSITY = 0.05;

/**
 * Turns pair votes into Bradley–Terry comparisons: ties are half-wins, both-bad votes carry no
 * order and are left out. A unit the sampler chose actively (propensity < 1) is weighted by
 * 1 / propensity so the fit is not biased towards the pairs the sampler liked to ask about.
 */
export function buildComparisons({ pairs, minPropensity = MIN_PROPENSITY }: { pairs: TPairVotes[]; minPropensity?: number }): TExportComparison[] {
  const comparisons: TExportComparison[] = [];
  for (const { first, second, votes } of pairs) {
    for (const vote of votes) {
      if (vote.bothBad || vote.value === null) continue;
      const propensity = vote.propensity > 0 && vote.propensity < 1 ? Math.max(vote.propensity, minPropensity) : 1;
      const outcome = vote.value < 0 ? 1 : vote.value > 0 ? 0 : 0.5;
      comparisons.push({ i: first.id, j: second.id, outcome, weight: vote.weight / propensity });
    }
  }
  return comparisons;
}

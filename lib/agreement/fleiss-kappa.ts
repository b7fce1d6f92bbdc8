import { percentAgreementFromSums } from "./percent-agreement";
import { categoryShares, sumCategoryCounts, type TCategorySums } from "./sum-category-counts";

export type TChanceCorrected = { kappa: number | null; pa: number | null; pe: number | null };

// 1 − p_e below this is "everyone used one category": κ is undefined there, not ±huge
const DEGENERATE_MARGIN = 1e-12;

export function chanceCorrect(pa: number | null, pe: number | null): number | null {
  if (pa === null || pe === null || 1 - pe <= DEGENERATE_MARGIN) return null;
  return (pa - pe) / (1 - pe);
}

export function fleissKappaFromSums(sums: TCategorySums): TChanceCorrected {
  const pa = percentAgreementFromSums(sums);
  const shares = categoryShares(sums);
  const pe = shares === null ? null : shares.reduce((acc, p) => acc + p * p, 0);
  return { kappa: chanceCorrect(pa, pe), pa, pe };
}

/**
 * Fleiss' κ from per-unit category counts. With unequal numbers of ratings per unit this is
 * Gwet's generalisation: p_a averages units with ≥ 2 ratings, π_k averages every rated unit,
 * which reduces to Fleiss' original formula when every unit has the same number of ratings.
 */
export function fleissKappa({ counts }: { counts: ReadonlyArray<ReadonlyArray<number>> }): TChanceCorrected {
  return fleissKappaFromSums(sumCategoryCounts({ counts }));
}

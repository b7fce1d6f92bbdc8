import { chanceCorrect } from "./fleiss-kappa";
import { percentAgreementFromSums } from "./percent-agreement";
import { categoryShares, sumCategoryCounts, type TCategorySums } from "./sum-category-counts";

export type TGwetAC1 = { ac1: number | null; pa: number | null; pe: number | null };

export function gwetAC1FromSums(sums: TCategorySums): TGwetAC1 {
  const pa = percentAgreementFromSums(sums);
  const shares = categoryShares(sums);
  const q = sums.shareSums.length;
  // p_e needs at least two categories on the scale; it is then at most 1/q, so AC1 stays finite
  // even when one category takes every rating (the case where κ collapses).
  const pe = shares === null || q < 2 ? null : shares.reduce((acc, p) => acc + p * (1 - p), 0) / (q - 1);
  return { ac1: chanceCorrect(pa, pe), pa, pe };
}

/** Gwet's AC1 from per-unit category counts; q is the row length (categories on the scale). */
export function gwetAC1({ counts }: { counts: ReadonlyArray<ReadonlyArray<number>> }): TGwetAC1 {
  return gwetAC1FromSums(sumCategoryCounts({ counts }));
}

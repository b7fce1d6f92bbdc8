import { sumCategoryCounts, type TCategorySums } from "./sum-category-counts";

/** Observed agreement p_a: mean over units with ≥ 2 ratings of the share of agreeing pairs. */
export function percentAgreementFromSums(sums: TCategorySums): number | null {
  return sums.pairedUnits > 0 ? sums.agreementSum / sums.pairedUnits : null;
}

/** counts: one row per unit, one column per category (n_ik). Null when no unit has two ratings. */
export function percentAgreement({ counts }: { counts: ReadonlyArray<ReadonlyArray<number>> }): number | null {
  return percentAgreementFromSums(sumCategoryCounts({ counts }));
}

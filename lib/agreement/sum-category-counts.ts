// Sufficient statistics shared by percent agreement, Fleiss' κ and Gwet's AC1. Keeping them as
// sums lets the report and the bootstrap add units one at a time without building row arrays.

export type TCategorySums = {
  /** units with at least two ratings: only they carry observed agreement */
  pairedUnits: number;
  /** Σ P_i over paired units, P_i = share of agreeing ordered pairs in unit i */
  agreementSum: number;
  /** units with at least one rating: all of them count in the category shares π_k (Gwet) */
  ratedUnits: number;
  /** Σ n_ik / n_i over rated units, one entry per category */
  shareSums: Float64Array;
};

export function createCategorySums(categoryCount: number): TCategorySums {
  return { pairedUnits: 0, agreementSum: 0, ratedUnits: 0, shareSums: new Float64Array(categoryCount) };
}

export function resetCategorySums(sums: TCategorySums): void {
  sums.pairedUnits = 0;
  sums.agreementSum = 0;
  sums.ratedUnits = 0;
  sums.shareSums.fill(0);
}

/** Adds one unit whose category counts sit at counts[offset .. offset + q). */
export function addUnitCounts(sums: TCategorySums, counts: ArrayLike<number>, offset = 0): void {
  const q = sums.shareSums.length;
  let total = 0;
  let agreeingPairs = 0;
  for (let k = 0; k < q; k++) {
    const c = counts[offset + k];
    total += c;
    agreeingPairs += c * (c - 1);
  }
  if (total === 0) return;
  sums.ratedUnits++;
  for (let k = 0; k < q; k++) sums.shareSums[k] += counts[offset + k] / total;
  if (total >= 2) {
    sums.pairedUnits++;
    sums.agreementSum += agreeingPairs / (total * (total - 1));
  }
}

export function sumCategoryCounts({ counts }: { counts: ReadonlyArray<ReadonlyArray<number>> }): TCategorySums {
  const q = counts.length > 0 ? counts[0].length : 0;
  const sums = createCategorySums(q);
  for (const row of counts) {
    if (row.length !== q) throw new RangeError(`every unit needs ${q} category counts, got ${row.length}`);
    for (const c of row) {
      if (!Number.isInteger(c) || c < 0) throw new RangeError(`category counts must be non-negative integers, got ${c}`);
    }
    addUnitCounts(sums, row);
  }
  return sums;
}

/** π_k: the mean over rated units of each unit's share of ratings in category k. */
export function categoryShares(sums: TCategorySums): number[] | null {
  if (sums.ratedUnits === 0) return null;
  return Array.from(sums.shareSums, (s) => s / sums.ratedUnits);
}

// Published test vectors from /work/shared/reference/agreement.md, shared by the unit tests.
// Stored as coders × units (as printed) and turned into units × values where a test needs it.

const _ = null;

/** Krippendorff (2011), 4 coders × 12 units. */
export const KRIPPENDORFF_2011: ReadonlyArray<ReadonlyArray<number | null>> = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, _],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** The Wikipedia article's example, 3 coders × 15 units. */
export const WIKIPEDIA_ALPHA: ReadonlyArray<ReadonlyArray<number | null>> = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

/** Fleiss (1971), 10 subjects × 14 raters, counts per category 1..5. */
export const FLEISS_1971: ReadonlyArray<ReadonlyArray<number>> = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

export function unitsOf(codersByUnits: ReadonlyArray<ReadonlyArray<number | null>>): (number | null)[][] {
  return codersByUnits[0].map((_, u) => codersByUnits.map((coder) => coder[u]));
}

/** Per-unit counts over the given categories, as Fleiss' κ and AC1 take them. */
export function countsOf(units: ReadonlyArray<ReadonlyArray<number | null>>, categories: ReadonlyArray<number>): number[][] {
  return units.map((unit) => categories.map((c) => unit.filter((v) => v === c).length));
}

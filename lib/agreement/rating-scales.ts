import type { TAspectScale } from "./types";

/**
 * How a scale's values map to α levels (the values themselves, ascending) and to the categories
 * that percent agreement, Fleiss' κ and AC1 count.
 */
export type TRatingScale = {
  /** every value on the scale, ascending; level l holds values[l] */
  values: number[];
  /** category of each level */
  categoryOfLevel: Int32Array;
  categoryCount: number;
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const PAIRWISE7 = range(-3, 3);

export const RATING_SCALES: Record<TAspectScale, TRatingScale> = {
  // the winner: first-listed better (s < 0), tie, second better (s > 0)
  pairwise7: { values: PAIRWISE7, categoryOfLevel: Int32Array.from(PAIRWISE7, (s) => Math.sign(s) + 1), categoryCount: 3 },
  likert5: { values: range(1, 5), categoryOfLevel: Int32Array.from(range(0, 4)), categoryCount: 5 },
  binary: { values: [0, 1], categoryOfLevel: Int32Array.from([0, 1]), categoryCount: 2 },
};

/** Level of a value on the scale, or −1 when it is missing or off the scale (not an integer in range). */
export function levelOf(scale: TRatingScale, value: number | null | undefined): number {
  if (value === null || value === undefined) return -1;
  const level = value - scale.values[0];
  return Number.isInteger(level) && level >= 0 && level < scale.values.length ? level : -1;
}

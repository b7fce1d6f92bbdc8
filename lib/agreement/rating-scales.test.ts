import { describe, expect, it } from "vitest";
import { levelOf, RATING_SCALES } from "./rating-scales";

describe("rating scales", () => {
  it("maps the 7-point value to the winner: first, tie, second", () => {
    const { values, categoryOfLevel } = RATING_SCALES.pairwise7;
    expect(values.map((_, l) => categoryOfLevel[l])).toEqual([0, 0, 0, 1, 2, 2, 2]);
  });

  it("places values on levels and leaves missing or off-scale ones out", () => {
    expect(levelOf(RATING_SCALES.pairwise7, -3)).toBe(0);
    expect(levelOf(RATING_SCALES.pairwise7, 3)).toBe(6);
    expect(levelOf(RATING_SCALES.likert5, 1)).toBe(0);
    for (const value of [null, undefined, 0, 6, 2.5, Number.NaN]) expect(levelOf(RATING_SCALES.likert5, value)).toBe(-1);
    expect(levelOf(RATING_SCALES.binary, 2)).toBe(-1);
  });
});

import { describe, expect, it } from "vitest";
import { kendallTau } from "./kendall-tau";

describe("kendallTau", () => {
  it("is 1 for the same order and −1 for the reverse", () => {
    expect(kendallTau([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTau([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });

  it("matches a hand count with one swapped pair", () => {
    // 6 pairs, only (2, 3) discordant → (5 − 1)/6.
    expect(kendallTau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(4 / 6, 12);
  });

  it("matches the hand-worked tie correction of τ-b", () => {
    // x = [1,2,2,3], y = [1,2,3,3]: concordant 4, discordant 0, one tie in each list,
    // τ-b = 4/√((6 − 1)(6 − 1)) = 0.8 (scipy.stats.kendalltau agrees).
    expect(kendallTau([1, 2, 2, 3], [1, 2, 3, 3])).toBeCloseTo(0.8, 12);
  });

  it("returns 0 when one list is constant", () => {
    expect(kendallTau([0, 0, 0], [1, 2, 3])).toBe(0);
  });

  it("rejects lists of different lengths", () => {
    expect(() => kendallTau([1, 2], [1])).toThrow(RangeError);
  });
});

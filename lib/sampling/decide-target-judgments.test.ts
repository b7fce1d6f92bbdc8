import { describe, expect, it } from "vitest";
import { decideTargetJudgments } from "./decide-target-judgments";

const target = (signs: number[], overlap = 1, cap = 5) => decideTargetJudgments({ signs, overlap, cap });

describe("decideTargetJudgments", () => {
  it("asks for the overlap while judgments agree", () => {
    expect(target([])).toBe(1);
    expect(target([1])).toBe(1);
    expect(target([1, 1], 2)).toBe(2);
    expect(target([-1, -1, -1], 2)).toBe(2);
  });

  it("adds a tie-breaker after a 1–1 split and stops at a settled 2–1", () => {
    expect(target([1, -1])).toBe(3);
    expect(target([1, -1], 2)).toBe(3);
    expect(target([1, -1, 1], 2)).toBe(3);
    expect(target([1, -1, -1], 2)).toBe(3);
  });

  it("keeps escalating a level vote until the cap", () => {
    // [+, −, +, −]: dissent 2 → overlap 2 + 2 = 4, but still level → 4 + 1 = 5.
    expect(target([1, -1, 1, -1], 2, 5)).toBe(5);
    expect(target([1, -1, 1, -1], 2, 4)).toBe(4);
    expect(target([1, -1, 1, -1, 1, -1], 2, 5)).toBe(5);
  });

  it("does not treat ties as disagreement", () => {
    expect(target([1, 0], 2)).toBe(2);
    expect(target([0, 0], 2)).toBe(2);
  });

  it("rejects an overlap above the cap or below one", () => {
    expect(() => target([], 3, 2)).toThrow(RangeError);
    expect(() => target([], 0, 2)).toThrow(RangeError);
  });
});

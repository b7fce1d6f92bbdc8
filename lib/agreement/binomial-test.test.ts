import { describe, expect, it } from "vitest";
import { binomialTest } from "./binomial-test";

describe("binomialTest", () => {
  it("matches hand-worked small cases", () => {
    // outcomes 0, 1, 9, 10 are no likelier than 9: (1 + 10 + 10 + 1) / 2^10
    expect(binomialTest({ successes: 9, trials: 10 })).toBeCloseTo(22 / 1024, 12);
    expect(binomialTest({ successes: 1, trials: 10 })).toBeCloseTo(0.021484375, 12);
    expect(binomialTest({ successes: 10, trials: 20 })).toBe(1);
    // 3 of 3: 2 × 1/8
    expect(binomialTest({ successes: 3, trials: 3 })).toBeCloseTo(0.25, 12);
    // 1 of 3: every outcome has probability ≤ 3/8
    expect(binomialTest({ successes: 1, trials: 3 })).toBe(1);
    // 0 of 5: 2 / 32
    expect(binomialTest({ successes: 0, trials: 5 })).toBeCloseTo(0.0625, 12);
  });

  it("handles an uneven null hypothesis", () => {
    // p = 0.25, n = 4: pmf 81, 108, 54, 12, 1 (/256); observed 3 → outcomes 3 and 4
    expect(binomialTest({ successes: 3, trials: 4, p: 0.25 })).toBeCloseTo(13 / 256, 12);
  });

  it("works for ten thousand trials without overflow", () => {
    expect(binomialTest({ successes: 5000, trials: 10000 })).toBe(1);
    // 5100 of 10000 is 2 standard deviations out: normal approximation ≈ 0.0455, exact ≈ 0.0462
    const p = binomialTest({ successes: 5100, trials: 10000 }) as number;
    expect(p).toBeGreaterThan(0.04);
    expect(p).toBeLessThan(0.05);
    expect(binomialTest({ successes: 10000, trials: 10000 })).toBe(0);
  });

  it("is null without trials and rejects impossible input", () => {
    expect(binomialTest({ successes: 0, trials: 0 })).toBeNull();
    expect(() => binomialTest({ successes: 4, trials: 3 })).toThrow(RangeError);
    expect(() => binomialTest({ successes: 1, trials: 3, p: 1 })).toThrow(RangeError);
  });
});

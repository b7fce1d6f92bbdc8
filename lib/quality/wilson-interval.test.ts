import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson-interval";

describe("wilsonInterval", () => {
  it("reproduces Newcombe (1998), Statistics in Medicine 17:857, method 3: 81/263 → 0.2553–0.3662", () => {
    const [lo, hi] = wilsonInterval({ successes: 81, trials: 263 })!;
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  it("stays inside [0, 1] at the extremes and is null without trials", () => {
    const [lo, hi] = wilsonInterval({ successes: 0, trials: 10 })!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval({ successes: 10, trials: 10 })![1]).toBe(1);
    expect(wilsonInterval({ successes: 0, trials: 0 })).toBeNull();
  });
});

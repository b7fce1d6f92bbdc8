import { describe, expect, it } from "vitest";
import { meanCurve, pairedReduction, summarizeLabelsToReach } from "./summarize-runs";

const line = (slope: number) => [0, 100, 200, 300].map((labels) => ({ labels, tau: labels * slope }));

describe("summarizeLabelsToReach", () => {
  it("gives mean and sample sd of the per-seed crossings", () => {
    // Slopes 0.004 and 0.002 reach τ = 0.4 at 100 and 200 labels: mean 150, sd √(2·50²) = 70.7107.
    const summary = summarizeLabelsToReach([{ seed: 1, curve: line(0.004) }, { seed: 2, curve: line(0.002) }], 0.4);
    expect(summary.perSeed).toEqual([100, 200]);
    expect(summary.mean).toBeCloseTo(150, 10);
    expect(summary.sd).toBeCloseTo(70.7107, 4);
    expect(summary.reached).toBe(2);
  });

  it("reports seeds that ran out of budget", () => {
    const summary = summarizeLabelsToReach([{ seed: 1, curve: line(0.001) }], 0.5);
    expect(summary).toEqual({ target: 0.5, perSeed: [null], reached: 0, mean: null, sd: null });
  });
});

describe("pairedReduction", () => {
  it("averages the per-seed savings", () => {
    // Seed 1: 1 − 100/200 = 0.5; seed 2: 1 − 150/200 = 0.25 → mean 0.375, sd 0.1767767.
    const baseline = { target: 0.6, perSeed: [200, 200], reached: 2, mean: 200, sd: 0 };
    const candidate = { target: 0.6, perSeed: [100, 150], reached: 2, mean: 125, sd: 35 };
    const reduction = pairedReduction(candidate, baseline);
    expect(reduction?.mean).toBeCloseTo(0.375, 12);
    expect(reduction?.sd).toBeCloseTo(0.1767767, 6);
  });

  it("skips seeds where either side missed", () => {
    const baseline = { target: 0.6, perSeed: [200, null], reached: 1, mean: 200, sd: 0 };
    const candidate = { target: 0.6, perSeed: [50, 80], reached: 2, mean: 65, sd: 21 };
    expect(pairedReduction(candidate, baseline)).toEqual({ mean: 0.75, sd: 0, pairs: 1 });
  });
});

describe("meanCurve", () => {
  it("averages pointwise", () => {
    expect(meanCurve([{ seed: 1, curve: line(0.004) }, { seed: 2, curve: line(0.002) }]).map((p) => p.tau)).toEqual([
      0,
      expect.closeTo(0.3, 12),
      expect.closeTo(0.6, 12),
      expect.closeTo(0.9, 12),
    ]);
  });
});

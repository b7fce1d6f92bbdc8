import { describe, expect, it } from "vitest";
import { modelPrior, passRateLogit } from "./model-prior";

describe("passRateLogit", () => {
  it("smooths with half a pass and half a fail", () => {
    // 3 of 4: ln(3.5/1.5) = 0.8472979; 0 of 4: ln(0.5/4.5) = −2.1972246.
    expect(passRateLogit({ passed: 3, total: 4 })).toBeCloseTo(0.8472979, 6);
    expect(passRateLogit({ passed: 0, total: 4 })).toBeCloseTo(-2.1972246, 6);
    expect(passRateLogit({ passed: 2, total: 4 })).toBe(0);
  });
});

describe("modelPrior", () => {
  it("is flat and unit-variance without any signal", () => {
    expect(modelPrior({ count: 2 })).toEqual([{ mean: 0, variance: 1 }, { mean: 0, variance: 1 }]);
  });

  it("matches hand-worked z-scores and shrinks the variance", () => {
    // scores 1, 2, 3: mean 2, population sd √(2/3) = 0.8164966 → z = −1.2247449, 0, 1.2247449.
    // w = 0.5 → μ₀ = −0.6123724, 0, 0.6123724; σ₀² = 1 − 0.25 = 0.75.
    const prior = modelPrior({ count: 3, modelScores: [1, 2, 3], scoreWeight: 0.5 });
    expect(prior.map((p) => p.mean)).toEqual([
      expect.closeTo(-0.6123724, 6),
      expect.closeTo(0, 12),
      expect.closeTo(0.6123724, 6),
    ]);
    for (const p of prior) expect(p.variance).toBeCloseTo(0.75, 12);
  });

  it("ignores the scale of the scores", () => {
    const a = modelPrior({ count: 3, modelScores: [1, 2, 4] });
    const b = modelPrior({ count: 3, modelScores: [100, 200, 400] });
    a.forEach((p, k) => expect(b[k].mean).toBeCloseTo(p.mean, 12));
  });

  it("adds the pass-rate signal and floors the variance", () => {
    const prior = modelPrior({
      count: 2,
      modelScores: [0, 1],
      testResults: [{ passed: 1, total: 4 }, { passed: 4, total: 4 }],
      scoreWeight: 0.8,
      passWeight: 0.6,
      minVariance: 0.1,
    });
    // Two values z-score to ∓1 whatever their gap: μ₀ = ∓(0.8 + 0.6); σ₀² = max(1 − 0.64 − 0.36, 0.1).
    expect(prior[0].mean).toBeCloseTo(-1.4, 12);
    expect(prior[1].mean).toBeCloseTo(1.4, 12);
    expect(prior[0].variance).toBe(0.1);
  });

  it("leaves responses without a signal, and constant signals, uninformative", () => {
    const prior = modelPrior({ count: 3, modelScores: [1, null, 3], testResults: [{ passed: 2, total: 2 }, { passed: 2, total: 2 }, null] });
    expect(prior[1]).toEqual({ mean: 0, variance: 1 });
    expect(prior[0].mean).toBeCloseTo(-0.5, 12);
    expect(prior[0].variance).toBeCloseTo(0.75, 12);
  });
});

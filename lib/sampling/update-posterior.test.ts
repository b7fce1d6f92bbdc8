import { describe, expect, it } from "vitest";
import { updatePosterior } from "./update-posterior";

describe("updatePosterior", () => {
  it("matches the hand-worked symmetric case", () => {
    // μ = 0, σ² = 1 on both sides, β = 0.5, i wins.
    // c = √(2·0.25 + 1 + 1) = √2.5 = 1.5811388; p_i = 0.5.
    // μ_i = 0 + (1/c)(1 − 0.5) = 0.3162278; μ_j = −0.3162278.
    // shrink = (1/c)(1/2.5)(0.25) = 0.6324555·0.4·0.25 = 0.0632456 → σ² = 0.9367544.
    const r = updatePosterior({ i: { mean: 0, variance: 1 }, j: { mean: 0, variance: 1 }, outcome: 1, beta: 0.5 });
    expect(r.i.mean).toBeCloseTo(0.3162278, 6);
    expect(r.j.mean).toBeCloseTo(-0.3162278, 6);
    expect(r.i.variance).toBeCloseTo(0.9367544, 6);
    expect(r.j.variance).toBeCloseTo(0.9367544, 6);
  });

  it("matches the hand-worked upset with unequal variances", () => {
    // μ_i = 1, σ²_i = 0.5; μ_j = 0, σ²_j = 1.5; β = 1; j wins (s = 0).
    // c = √(2 + 0.5 + 1.5) = 2; p_i = 1/(1 + e^−0.5) = 0.6224593, p_i·p_j = 0.2350037.
    // μ_i = 1 + (0.5/2)(0 − 0.6224593) = 0.8443852; μ_j = 0 + (1.5/2)(0.6224593) = 0.4668445.
    // shrink_i = (√0.5/2)(0.5/4)(0.2350037) = 0.0103858 → σ²_i = 0.5·0.9896142 = 0.4948071.
    // shrink_j = (√1.5/2)(1.5/4)(0.2350037) = 0.0539662 → σ²_j = 1.5·0.9460338 = 1.4190507.
    const r = updatePosterior({ i: { mean: 1, variance: 0.5 }, j: { mean: 0, variance: 1.5 }, outcome: 0, beta: 1 });
    expect(r.i.mean).toBeCloseTo(0.8443852, 6);
    expect(r.j.mean).toBeCloseTo(0.4668445, 6);
    expect(r.i.variance).toBeCloseTo(0.4948071, 6);
    expect(r.j.variance).toBeCloseTo(1.4190507, 6);
  });

  it("moves nothing on a tie between equals but still shrinks the variances", () => {
    const r = updatePosterior({ i: { mean: 0.2, variance: 1 }, j: { mean: 0.2, variance: 1 }, outcome: 0.5, beta: 0.5 });
    expect(r.i.mean).toBeCloseTo(0.2, 12);
    expect(r.j.mean).toBeCloseTo(0.2, 12);
    expect(r.i.variance).toBeLessThan(1);
  });

  it("pulls a tie toward the weaker side", () => {
    const r = updatePosterior({ i: { mean: 1, variance: 1 }, j: { mean: 0, variance: 1 }, outcome: 0.5, beta: 0.5 });
    expect(r.i.mean).toBeLessThan(1);
    expect(r.j.mean).toBeGreaterThan(0);
  });

  it("is symmetric under swapping sides and flipping the outcome", () => {
    const a = { mean: 0.3, variance: 0.8 };
    const b = { mean: -0.4, variance: 1.2 };
    const r1 = updatePosterior({ i: a, j: b, outcome: 1, beta: 0.7 });
    const r2 = updatePosterior({ i: b, j: a, outcome: 0, beta: 0.7 });
    expect(r2.j.mean).toBeCloseTo(r1.i.mean, 12);
    expect(r2.i.variance).toBeCloseTo(r1.j.variance, 12);
  });

  it("floors the shrink factor at kappa", () => {
    // Huge variances make the shrink term approach 1·1·0.25 < 1, so use a kappa above 1 − shrink.
    const r = updatePosterior({ i: { mean: 0, variance: 100 }, j: { mean: 0, variance: 1e-6 }, outcome: 1, beta: 0.01, kappa: 0.9 });
    expect(r.i.variance).toBeCloseTo(90, 6);
  });

  it("rejects outcomes outside [0, 1] and a non-positive beta", () => {
    const p = { mean: 0, variance: 1 };
    expect(() => updatePosterior({ i: p, j: p, outcome: 2, beta: 1 })).toThrow(RangeError);
    expect(() => updatePosterior({ i: p, j: p, outcome: 1, beta: 0 })).toThrow(RangeError);
  });
});

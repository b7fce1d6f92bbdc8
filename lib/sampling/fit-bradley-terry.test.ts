import { describe, expect, it } from "vitest";
import { createRng } from "./create-rng";
import { fitBradleyTerry } from "./fit-bradley-terry";
import { kendallTau } from "./kendall-tau";
import type { Comparison } from "./types";

const wins = (i: number, j: number, n: number): Comparison[] => Array.from({ length: n }, () => ({ i, j, outcome: 1 }));

describe("fitBradleyTerry", () => {
  it("matches the hand-worked two-response case with a vanishing ridge", () => {
    // 3 wins, 1 loss: δ = ln 3, centred ±0.5493061. Centred variance 1/(4·N·p(1−p)) with
    // N = 4, p = 0.75 → 1/3, sd = 0.5773503.
    const fit = fitBradleyTerry({ count: 2, comparisons: [...wins(0, 1, 3), ...wins(1, 0, 1)], ridge: 1e-9 });
    expect(fit.scores[0]).toBeCloseTo(0.5493061, 5);
    expect(fit.scores[1]).toBeCloseTo(-0.5493061, 5);
    expect(fit.sd[0]).toBeCloseTo(0.5773503, 5);
    expect(fit.judgments).toEqual([4, 4]);
    expect(fit.converged).toBe(true);
  });

  it("matches the hand-worked two-response case with ridge 1", () => {
    // Stationarity for θ₀ = δ/2: 3 − 4σ(δ) = δ/2. Bisection by hand: δ = 0.6836238, σ(δ) = 0.6645470.
    // Centred variance 1/(4·4·p(1−p) + 2λ) = 1/(3.5659 + 2) → sd = 0.4238358.
    const fit = fitBradleyTerry({ count: 2, comparisons: [...wins(0, 1, 3), ...wins(1, 0, 1)], ridge: 1 });
    expect(fit.scores[0]).toBeCloseTo(0.3418119, 6);
    expect(fit.sd[1]).toBeCloseTo(0.4238358, 6);
  });

  it("counts a tie as half a win each", () => {
    // One win and one tie: 1.5 wins out of 2, same odds as 3 out of 4.
    const fit = fitBradleyTerry({ count: 2, comparisons: [{ i: 0, j: 1, outcome: 1 }, { i: 1, j: 0, outcome: 0.5 }], ridge: 1e-9 });
    expect(fit.scores[0]).toBeCloseTo(0.5493061, 5);
  });

  it("treats a weight of 3 like three copies of the comparison", () => {
    const weighted = fitBradleyTerry({ count: 2, comparisons: [{ i: 0, j: 1, outcome: 1, weight: 3 }, { i: 1, j: 0, outcome: 1 }] });
    const copied = fitBradleyTerry({ count: 2, comparisons: [...wins(0, 1, 3), ...wins(1, 0, 1)] });
    expect(weighted.scores[0]).toBeCloseTo(copied.scores[0], 10);
  });

  it("moves toward the comparisons that weigh more", () => {
    const comparisons = [...wins(0, 1, 2), ...wins(1, 0, 2)];
    const even = fitBradleyTerry({ count: 2, comparisons });
    expect(even.scores[0]).toBeCloseTo(0, 10);
    const tilted = fitBradleyTerry({ count: 2, comparisons: comparisons.map((c) => ({ ...c, weight: c.i === 0 ? 2 : 1 })) });
    expect(tilted.scores[0]).toBeGreaterThan(0);
  });

  it("recovers the order of a clear synthetic set and centres the scores", () => {
    const truth = [-2, 1, 0, 2, -1];
    const random = createRng(5);
    const comparisons: Comparison[] = [];
    for (let i = 0; i < 5; i++) {
      for (let j = i + 1; j < 5; j++) {
        for (let n = 0; n < 30; n++) comparisons.push({ i, j, outcome: random() < 1 / (1 + Math.exp(-(truth[i] - truth[j]))) ? 1 : 0 });
      }
    }
    const fit = fitBradleyTerry({ count: 5, comparisons });
    expect(kendallTau(fit.scores, truth)).toBe(1);
    expect(fit.scores.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
    for (const sd of fit.sd) expect(sd).toBeGreaterThan(0);
  });

  it("keeps an unbeaten item finite and an unjudged one at the prior", () => {
    const fit = fitBradleyTerry({ count: 3, comparisons: wins(0, 1, 5), ridge: 0.5 });
    expect(Number.isFinite(fit.scores[0])).toBe(true);
    expect(fit.scores[2]).toBeCloseTo(0, 10);
    expect(fit.sd[2]).toBeGreaterThan(fit.sd[0]);
  });

  it("rejects a non-positive ridge", () => {
    expect(() => fitBradleyTerry({ count: 2, comparisons: [], ridge: 0 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { comparisonsFromRanking, fitItemPosteriors } from "./fit-item-posteriors";
import { outcomeForA, POSTERIOR_TO_LOGIT } from "./serving-settings";
import { buildConfidenceCurve } from "./build-confidence-curve";

describe("outcomeForA", () => {
  it("reads only the sign of the canonical preference (negative = A better)", () => {
    expect([-3, -1, 0, 1, 3].map(outcomeForA)).toEqual([1, 1, 0.5, 0, 0]);
  });
});

describe("comparisonsFromRanking", () => {
  it("turns a K-way order into the K(K−1)/2 implied wins", () => {
    expect(comparisonsFromRanking([2, 0, 1])).toEqual([
      { i: 2, j: 0, outcome: 1 },
      { i: 2, j: 1, outcome: 1 },
      { i: 0, j: 1, outcome: 1 },
    ]);
  });
});

describe("fitItemPosteriors", () => {
  it("keeps the prior when nothing was judged", () => {
    const priors = [{ mean: 0.3, variance: 0.75 }, { mean: -0.3, variance: 0.75 }];
    expect(fitItemPosteriors({ priors, comparisons: [] })).toEqual(priors);
  });

  it("one win under a flat prior: hand-worked Laplace fit", () => {
    // Logit scale s = μ·k with k = 1/(β√2); prior N(0, 1) on μ is ridge λ = 1/k² on s.
    // MAP of d = s₀ − s₁ = 2s₀ solves λ·s₀ = 1 − σ(2s₀); the marginal variance is the inverse of
    // [[λ + w, −w], [−w, λ + w]] with w = σ(d)(1 − σ(d)), diagonal (λ + w)/((λ + w)² − w²).
    const k = POSTERIOR_TO_LOGIT;
    const lambda = 1 / (k * k);
    let s = 0;
    for (let n = 0; n < 200; n++) s -= (lambda * s - (1 - 1 / (1 + Math.exp(-2 * s)))) / (lambda + 2 * (1 / (1 + Math.exp(-2 * s))) * (1 - 1 / (1 + Math.exp(-2 * s))));
    const p = 1 / (1 + Math.exp(-2 * s));
    const w = p * (1 - p);
    const variance = (lambda + w) / ((lambda + w) ** 2 - w * w);
    const [a, b] = fitItemPosteriors({ priors: [{ mean: 0, variance: 1 }, { mean: 0, variance: 1 }], comparisons: [{ i: 0, j: 1, outcome: 1 }] });
    expect(a.mean).toBeCloseTo(s / k, 6);
    expect(b.mean).toBeCloseTo(-s / k, 6);
    expect(a.variance).toBeCloseTo(variance / (k * k), 6);
    expect(a.variance).toBeLessThan(1);
  });
});

describe("buildConfidenceCurve", () => {
  it("starts at ½ for flat priors and rises as consistent judgments arrive", () => {
    const priors = [[{ mean: 0, variance: 1 }, { mean: 0, variance: 1 }]];
    const judgments = Array.from({ length: 10 }, () => ({ itemIndex: 0, comparisons: [{ i: 0, j: 1, outcome: 1 }] }));
    const curve = buildConfidenceCurve({ priors, judgments, points: 5 });
    expect(curve.map((p) => p.labels)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(curve[0].meanCorrectOrderProbability).toBe(0.5);
    for (let k = 1; k < curve.length; k++) expect(curve[k].meanCorrectOrderProbability).toBeGreaterThan(curve[k - 1].meanCorrectOrderProbability);
    expect(curve.at(-1)!.meanSd).toBeLessThan(1);
  });
});

import { describe, expect, it } from "vitest";
import { simulate, type SimulateOptions, type Strategy } from "./simulate";

const options = (strategy: Strategy, seed = 3): SimulateOptions => ({
  seed,
  strategy,
  prompts: 30,
  responsesPerPrompt: 4,
  labels: 900,
  evaluateEvery: 300,
  annotators: { count: 8, slope: 1.2, slopeSpread: 0.25, leftBias: 0.3, leftBiasSpread: 0.15 },
  scoreCorrelation: 0.6,
  beta: 0.59,
  candidates: 12,
  temperature: 0.3,
  epsilon: 0.1,
  refitEvery: 450,
});

describe("simulate", () => {
  it("is reproducible for a seed", () => {
    expect(simulate(options("active"))).toEqual(simulate(options("active")));
  });

  it("starts from no information without a prior and from the prior's order with one", () => {
    expect(simulate(options("random")).curve[0].tau).toBe(0);
    const withPrior = simulate(options("active+prior")).curve[0].tau;
    expect(withPrior).toBeGreaterThan(0.1);
    // Same seed → same world, so both prior strategies start from the same ranking.
    expect(simulate(options("random+prior")).curve[0].tau).toBe(withPrior);
  });

  it("learns the rankings as labels come in, for every strategy", () => {
    for (const strategy of ["random", "random+prior", "active", "active+prior"] as const) {
      const result = simulate(options(strategy));
      expect(result.curve.map((p) => p.labels)).toEqual([0, 300, 600, 900]);
      expect(result.curve.at(-1)!.tau).toBeGreaterThan(0.4);
      expect(result.ipwRefitCurve.map((p) => p.labels)).toEqual([0, 450, 900]);
      expect(result.accuracy).toBeGreaterThan(0.55);
      expect(result.accuracy).toBeLessThan(0.95);
    }
  });

  it("logs active propensities no smaller than the exploration floor ε/n", () => {
    expect(simulate(options("active")).minPropensity).toBeGreaterThanOrEqual(0.1 / 12 - 1e-12);
  });

  it("counts assignments served from the overlap reserve", () => {
    const result = simulate({ ...options("active"), overlapShare: 0.2 });
    expect(result.overlapAssignments).toBeGreaterThan(100);
    expect(result.overlapAssignments).toBeLessThan(260);
  });
});

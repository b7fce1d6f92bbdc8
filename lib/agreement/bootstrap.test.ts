import { describe, expect, it } from "vitest";
import { bootstrapCI, bootstrapCIs, mulberry32 } from "./bootstrap";
import { percentAgreement } from "./percent-agreement";

const mean = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("mulberry32", () => {
  it("repeats for a seed, differs between seeds, stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 1);
  });
});

describe("bootstrapCI", () => {
  const random = mulberry32(7);
  // 60 units of 3 raters who agree on the winner about 70% of the time
  const units = Array.from({ length: 60 }, () => {
    const truth = random() < 0.5 ? 0 : 1;
    const counts = [0, 0];
    for (let r = 0; r < 3; r++) counts[random() < 0.7 ? truth : 1 - truth]++;
    return counts;
  });
  const statistic = (sample: ReadonlyArray<number[]>) => percentAgreement({ counts: sample });

  it("is deterministic for a seed", () => {
    const first = bootstrapCI({ units, statistic, seed: 1 });
    expect(bootstrapCI({ units, statistic, seed: 1 })).toEqual(first);
    expect(bootstrapCI({ units, statistic, seed: 2 })).not.toEqual(first);
  });

  it("brackets the point estimate", () => {
    const estimate = statistic(units) as number;
    const [lo, hi] = bootstrapCI({ units, statistic, seed: 1 }) as [number, number];
    expect(lo).toBeLessThan(estimate);
    expect(hi).toBeGreaterThan(estimate);
    expect(hi - lo).toBeLessThan(0.4);
  });

  it("keeps roughly the full-data width when resampling fewer units (m out of n)", () => {
    const many = Array.from({ length: 4000 }, (_, i) => (i % 10) / 10 + random() * 0.1);
    const full = bootstrapCI({ units: many, statistic: mean, seed: 3, iterations: 400 }) as [number, number];
    const sub = bootstrapCI({ units: many, statistic: mean, seed: 3, iterations: 400, sampleSize: 400 }) as [number, number];
    const estimate = mean(many);
    expect(sub[0]).toBeLessThan(estimate);
    expect(sub[1]).toBeGreaterThan(estimate);
    expect((sub[1] - sub[0]) / (full[1] - full[0])).toBeGreaterThan(0.8);
    expect((sub[1] - sub[0]) / (full[1] - full[0])).toBeLessThan(1.25);
  });

  it("returns null when the statistic is mostly undefined or there are no units", () => {
    expect(bootstrapCI({ units: [[1, 0], [0, 1]], statistic, seed: 1 })).toBeNull();
    expect(bootstrapCI({ units: [] as number[][], statistic, seed: 1 })).toBeNull();
    expect(bootstrapCI({ units, statistic, seed: 1, iterations: 0 })).toBeNull();
  });

  it("computes several statistics from the same resamples", () => {
    const [a, b] = bootstrapCIs({ units, statistic: (s) => [statistic(s), statistic(s)], seed: 5 });
    expect(a).toEqual(b);
    expect(a).toEqual(bootstrapCI({ units, statistic, seed: 5 }));
  });
});

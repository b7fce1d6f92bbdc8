import { describe, expect, it } from "vitest";
import { coverageFactor, pairPriority } from "./pair-priority";

const fresh = { mean: 0, variance: 1 };

describe("pairPriority", () => {
  it("matches the hand-worked misorder rule", () => {
    // Equal means: Φ(0) = 0.5; β = 0.5 → 2β² = 0.5, V = 2 → 0.5·2/2.5 = 0.4; three labels → ×1/√4 = 0.2.
    expect(pairPriority({ i: fresh, j: fresh, beta: 0.5 })).toBeCloseTo(0.4, 6);
    expect(pairPriority({ i: fresh, j: fresh, beta: 0.5, labelsOnPrompt: 3 })).toBeCloseTo(0.2, 6);
    // μ = 1 vs 0, V = 0.5 + 1.5 = 2, β = 1: Φ(−1/√2) = 0.2397501, ×2/(2 + 2) = 0.1198751.
    expect(pairPriority({ i: { mean: 1, variance: 0.5 }, j: { mean: 0, variance: 1.5 }, beta: 1 })).toBeCloseTo(0.1198751, 6);
  });

  it("matches the hand-worked variance rule", () => {
    // β = 0.5: c² = 0.5 + 2 = 2.5, p = 0.5 → 0.25·2/2.5 = 0.2.
    expect(pairPriority({ i: fresh, j: fresh, beta: 0.5, rule: "variance" })).toBeCloseTo(0.2, 12);
    // μ = 1 vs 0, σ² = 0.5 and 1.5, β = 1: c = 2, p = 1/(1 + e^−0.5) = 0.6224593,
    // p(1−p) = 0.2350037 → 0.2350037·2/4 = 0.1175019.
    expect(pairPriority({ i: { mean: 1, variance: 0.5 }, j: { mean: 0, variance: 1.5 }, beta: 1, rule: "variance" })).toBeCloseTo(0.1175019, 6);
  });

  it("matches the hand-worked D-optimal gain", () => {
    // β = 0.5: 2β² = 0.5; 0.25·2/0.5 = 1 → ½·ln 2 = 0.3465736.
    expect(pairPriority({ i: fresh, j: fresh, beta: 0.5, rule: "d-optimal" })).toBeCloseTo(0.3465736, 6);
  });

  it("ranks a more uncertain pair higher under every rule", () => {
    for (const rule of ["misorder", "variance", "d-optimal"] as const) {
      const sure = pairPriority({ i: { mean: 0, variance: 0.2 }, j: { mean: 0, variance: 0.2 }, beta: 0.5, rule });
      const unsure = pairPriority({ i: { mean: 0, variance: 0.8 }, j: { mean: 0, variance: 0.2 }, beta: 0.5, rule });
      expect(unsure).toBeGreaterThan(sure);
    }
  });

  it("ranks a closer pair higher and a busier prompt lower", () => {
    for (const rule of ["misorder", "variance", "d-optimal"] as const) {
      const close = pairPriority({ i: { mean: 0.1, variance: 0.5 }, j: { mean: 0, variance: 0.5 }, beta: 0.5, rule });
      const far = pairPriority({ i: { mean: 2, variance: 0.5 }, j: { mean: 0, variance: 0.5 }, beta: 0.5, rule });
      expect(close).toBeGreaterThan(far);
    }
    const busy = pairPriority({ i: fresh, j: fresh, beta: 0.5, labelsOnPrompt: 10 });
    expect(busy).toBeLessThan(pairPriority({ i: fresh, j: fresh, beta: 0.5, labelsOnPrompt: 9 }));
    expect(busy).toBeGreaterThan(0);
  });

  it("is symmetric in its two sides", () => {
    const a = { mean: 0.4, variance: 0.3 };
    const b = { mean: -0.2, variance: 0.9 };
    expect(pairPriority({ i: a, j: b, beta: 0.6 })).toBeCloseTo(pairPriority({ i: b, j: a, beta: 0.6 }), 12);
  });

  it("factors into the pair gain times the prompt's coverage", () => {
    const i = { mean: 0.3, variance: 0.7 };
    const j = { mean: -0.1, variance: 0.4 };
    expect(pairPriority({ i, j, beta: 0.5, labelsOnPrompt: 8 })).toBeCloseTo(pairPriority({ i, j, beta: 0.5 }) * coverageFactor(8), 12);
    expect(coverageFactor(8)).toBeCloseTo(1 / 3, 12);
  });
});

import { describe, expect, it } from "vitest";
import { meanKendallTau } from "./mean-kendall-tau";

describe("meanKendallTau", () => {
  it("averages per-prompt τ with equal weight", () => {
    // Prompt 1 perfect (1), prompt 2 reversed (−1), prompt 3 one swap of six pairs (4/6).
    const truth = [[1, 2, 3], [1, 2, 3], [1, 2, 3, 4]];
    const estimates = [[10, 20, 30], [3, 2, 1], [1, 3, 2, 4]];
    expect(meanKendallTau(estimates, truth)).toBeCloseTo((1 - 1 + 4 / 6) / 3, 12);
  });

  it("is 0 for no prompts", () => {
    expect(meanKendallTau([], [])).toBe(0);
  });
});

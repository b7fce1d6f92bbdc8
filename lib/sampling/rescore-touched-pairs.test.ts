import { describe, expect, it } from "vitest";
import { pairPriority } from "./pair-priority";
import { rescoreTouchedPairs } from "./rescore-touched-pairs";

const posteriors = [0.4, -0.2, 0.9, 0, -1].map((mean, k) => ({ mean, variance: 0.3 + 0.1 * k }));

describe("rescoreTouchedPairs", () => {
  it("returns each of the 2K − 3 touched pairs once, ordered a < b", () => {
    const scores = rescoreTouchedPairs({ posteriors, i: 3, j: 1, beta: 0.5 });
    expect(scores).toHaveLength(2 * 5 - 3);
    const keys = scores.map((s) => `${s.a}-${s.b}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of scores) {
      expect(s.a).toBeLessThan(s.b);
      expect([s.a, s.b].some((x) => x === 3 || x === 1)).toBe(true);
    }
    expect(keys).not.toContain("0-2");
  });

  it("gives the same priority pairPriority gives without coverage", () => {
    for (const s of rescoreTouchedPairs({ posteriors, i: 0, j: 4, beta: 0.5, rule: "d-optimal" })) {
      expect(s.priority).toBe(pairPriority({ i: posteriors[s.a], j: posteriors[s.b], beta: 0.5, rule: "d-optimal" }));
    }
  });

  it("rejects a pair of one response with itself", () => {
    expect(() => rescoreTouchedPairs({ posteriors, i: 2, j: 2, beta: 0.5 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { createBtScorer } from "./create-bt-scorer";

describe("createBtScorer", () => {
  it("fits lib/sampling's Bradley–Terry on response ids: more wins, higher score; centred at 0", () => {
    const score = createBtScorer();
    const scores = score([
      { i: "a", j: "b", outcome: 1, weight: 1 },
      { i: "a", j: "b", outcome: 1, weight: 1 },
      { i: "b", j: "c", outcome: 1, weight: 1 },
      { i: "a", j: "c", outcome: 0.5, weight: 1 },
    ]);
    expect([...scores.keys()]).toEqual(["a", "b", "c"]);
    expect(scores.get("a")!).toBeGreaterThan(scores.get("b")!);
    expect([...scores.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(0, 9);
  });

  it("gives the same scores for the same comparisons, weights count like repeats, and no comparisons give no scores", () => {
    const score = createBtScorer();
    const once = score([{ i: "x", j: "y", outcome: 1, weight: 2 }]);
    const twice = score([
      { i: "x", j: "y", outcome: 1, weight: 1 },
      { i: "x", j: "y", outcome: 1, weight: 1 },
    ]);
    expect(once.get("x")).toBeCloseTo(twice.get("x")!, 9);
    expect(score([{ i: "x", j: "y", outcome: 1, weight: 2 }])).toEqual(once);
    expect(score([]).size).toBe(0);
  });
});

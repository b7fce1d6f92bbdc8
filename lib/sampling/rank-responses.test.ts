import { describe, expect, it } from "vitest";
import { rankResponses } from "./rank-responses";

describe("rankResponses", () => {
  it("ranks best first with scores, sd and judgment counts", () => {
    const ranked = rankResponses({
      responseIds: ["r1", "r2", "r3"],
      comparisons: [
        { i: 2, j: 0, outcome: 1 },
        { i: 2, j: 1, outcome: 1 },
        { i: 1, j: 0, outcome: 1 },
        { i: 1, j: 0, outcome: 0.5 },
      ],
    });
    expect(ranked.map((r) => r.responseId)).toEqual(["r3", "r2", "r1"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked.map((r) => r.judgments)).toEqual([2, 3, 3]);
    expect(ranked.reduce((s, r) => s + r.score, 0)).toBeCloseTo(0, 10);
    for (const r of ranked) expect(r.sd).toBeGreaterThan(0);
  });

  it("keeps unjudged responses in their prior order", () => {
    const ranked = rankResponses({ responseIds: ["a", "b"], comparisons: [], priorMean: [-0.5, 0.5] });
    expect(ranked.map((r) => r.responseId)).toEqual(["b", "a"]);
    expect(ranked[0].score).toBeCloseTo(0.5, 10);
  });

  it("returns nothing for an item without responses", () => {
    expect(rankResponses({ responseIds: [], comparisons: [] })).toEqual([]);
  });
});

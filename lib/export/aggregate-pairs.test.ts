import { describe, expect, it } from "vitest";
import { aggregatePairs, type TAggregatedPair } from "./aggregate-pairs";
import { computeMargin } from "./compute-margin";
import { designedItems, vote } from "./test-fixtures";
import type { TExportComparison, TExportItem } from "./types";

const [twoSum, fizzBuzz, revList, smallGap] = designedItems();

function decide(item: TExportItem, options: Partial<Parameters<typeof aggregatePairs>[0]> = {}): Record<string, TAggregatedPair> {
  const pairs = aggregatePairs({ item, judgments: item.judgments, ...options });
  return Object.fromEntries(pairs.map((p) => [`${p.first.id}-${p.second.id}`, p]));
}

describe("aggregatePairs (majority)", () => {
  it("keeps 2 of 3 agreeing and names the winner", () => {
    const p = decide(twoSum)["r1-r2"];
    expect(p.outcome).toBe("preference");
    expect(p.chosen?.id).toBe("r1");
    expect(p.rejected?.id).toBe("r2");
    expect(p.agreement).toBeCloseTo(2 / 3, 12);
    expect(p.strengthMean).toBeCloseTo(4 / 3, 12);
    expect(p.nRaters).toBe(3);
    expect(p.pairId).toBe("two-sum:r1:r2");
  });

  it("drops a 1–1 split, calls ⅔ ties a tie, ⅔ both-bad both-bad, and drops identical responses", () => {
    const pairs = decide(twoSum);
    expect(pairs["r1-r3"].outcome).toBe("dropped");
    expect(pairs["r2-r3"].outcome).toBe("tie");
    expect(pairs["r2-r3"].agreement).toBeCloseTo(2 / 3, 12);
    expect(pairs["r3-r4"].outcome).toBe("both_bad");
    expect(pairs["r1-r4"].outcome).toBe("dropped");
    expect(pairs["r1-r4"].dropReason).toBe("identical after whitespace normalisation");
  });

  it("orients a judgment shown the other way round", () => {
    const p = decide(fizzBuzz)["s1-s2"];
    expect(p.chosen?.id).toBe("s2");
    expect(p.agreement).toBe(1);
    expect(p.strengthMean).toBeCloseTo(8 / 3, 12);
  });

  it("drops a pair with as many both-bad votes as agreeing ones, and a negligible mean", () => {
    expect(decide(revList)["t1-t2"].dropReason).toBe("as many both-bad votes");
    expect(decide(smallGap)["v1-v2"].dropReason).toBe("negligible strength");
  });

  it("keeps two of two and drops one of two", () => {
    const item = { ...fizzBuzz, judgments: [vote("a", "s1", "s2", 2), vote("b", "s1", "s2", 1)] };
    expect(decide(item)["s1-s2"].chosen?.id).toBe("s2");
    const split = { ...fizzBuzz, judgments: [vote("a", "s1", "s2", 2), vote("b", "s1", "s2", -1)] };
    expect(decide(split)["s1-s2"].outcome).toBe("dropped");
  });

  it("weights raters: 2:1 turns the 1–1 split into a kept pair", () => {
    const p = decide(twoSum, { raterWeights: new Map([["u1", 2]]) })["r1-r3"];
    expect(p.outcome).toBe("preference");
    expect(p.chosen?.id).toBe("r1");
    expect(p.agreement).toBeCloseTo(2 / 3, 12);
    expect(p.strengthMean).toBeCloseTo(2 / 3, 12);
  });

  it("applies minRaters", () => {
    expect(decide(fizzBuzz, { minRaters: 4 })["s1-s2"].dropReason).toBe("too few raters");
  });

  it("uses an aspect's values instead of the overall preference", () => {
    const pairs = decide(twoSum, { aspect: "correctness", margin: "small" });
    expect(Object.keys(pairs)).toEqual(["r1-r2"]);
    expect(pairs["r1-r2"].chosen?.id).toBe("r2");
    expect(pairs["r1-r2"].agreement).toBe(1);
    expect(pairs["r1-r2"].margin).toBeCloseTo(2 / 3, 12);
  });
});

describe("margins", () => {
  it("maps strength by the Llama 2 tables", () => {
    expect([3, 2.4, 1.6, 1, 0.5, 0.49].map((s) => computeMargin({ scheme: "small", strengthMean: s }))).toEqual([1, 2 / 3, 2 / 3, 1 / 3, 1 / 3, 0]);
    expect([3, 2.5, 2, 1, 0.2].map((s) => computeMargin({ scheme: "large", strengthMean: s }))).toEqual([3, 3, 2, 1, 0]);
    expect(computeMargin({ scheme: "none", strengthMean: 3 })).toBe(0);
    expect(computeMargin({ scheme: "bt", strengthMean: 3, btGap: -0.2 })).toBe(0);
    expect(() => computeMargin({ scheme: "bt", strengthMean: 1 })).toThrow(/scorer/);
  });

  it("puts each scheme's margin on the kept pairs", () => {
    expect(decide(twoSum, { margin: "small" })["r1-r2"].margin).toBeCloseTo(1 / 3, 12);
    expect(decide(twoSum, { margin: "large" })["r1-r2"].margin).toBe(1);
    expect(decide(fizzBuzz, { margin: "small" })["s1-s2"].margin).toBe(1);
    expect(decide(fizzBuzz, { margin: "large" })["s1-s2"].margin).toBe(3);
    expect(decide(fizzBuzz)["s1-s2"].margin).toBe(0);
  });
});

describe("aggregatePairs (Bradley–Terry)", () => {
  const fixedScores = (scores: Record<string, number>) => {
    const seen: TExportComparison[][] = [];
    const scorer = (comparisons: TExportComparison[]) => {
      seen.push(comparisons);
      return new Map(Object.entries(scores));
    };
    return { scorer, seen };
  };

  it("orients judged pairs by the fitted scores and takes the gap as margin", () => {
    const { scorer } = fixedScores({ r1: 1.5, r2: 0.25, r3: 0.5, r4: 0 });
    const pairs = decide(twoSum, { aggregation: "bt", margin: "bt", btScorer: scorer });
    expect(pairs["r1-r2"].chosen?.id).toBe("r1");
    expect(pairs["r1-r2"].margin).toBeCloseTo(1.25, 12);
    expect(pairs["r1-r3"].outcome).toBe("preference");
    expect(pairs["r1-r3"].chosen?.id).toBe("r1");
    expect(pairs["r1-r3"].agreement).toBe(0.5);
    expect(pairs["r2-r3"].outcome).toBe("tie");
  });

  it("feeds ties as half-wins, leaves both-bad out, and weights active picks by 1/propensity", () => {
    const { scorer, seen } = fixedScores({ s1: 0, s2: 1 });
    const item = {
      ...fizzBuzz,
      judgments: [vote("a", "s1", "s2", 3, { propensity: 0.25 }), vote("b", "s2", "s1", 0), vote("c", "s1", "s2", "bad"), vote("d", "s1", "s2", -1, { propensity: 0.001 })],
    };
    decide(item, { aggregation: "bt", btScorer: scorer });
    expect(seen[0]).toEqual([
      { i: "s1", j: "s2", outcome: 0, weight: 4 },
      { i: "s1", j: "s2", outcome: 0.5, weight: 1 },
      { i: "s1", j: "s2", outcome: 1, weight: 20 },
    ]);
  });

  it("needs a scorer", () => {
    expect(() => decide(twoSum, { aggregation: "bt" })).toThrow(/btScorer/);
  });
});

describe("rankings as votes", () => {
  it("turns a K-wise ranking into pair votes of strength min(3, rank distance)", () => {
    const rank = (rater: string, ranking: string[]) => vote(rater, "r1", "r2", 0, { unitResponses: ["r1", "r2", "r3", "r4"], slotOrder: ranking, preference: null, ranking });
    const item = { ...twoSum, responses: twoSum.responses.map((r) => ({ ...r, content: `${r.id}: ${r.content}` })), judgments: [rank("a", ["r3", "r1", "r2", "r4"]), rank("b", ["r3", "r2", "r1", "r4"])] };
    const pairs = decide(item, { margin: "large" });
    expect(pairs["r1-r3"]).toMatchObject({ outcome: "preference", chosen: { id: "r3" }, agreement: 1, strengthMean: 1.5, margin: 2 });
    expect(pairs["r1-r2"].outcome).toBe("dropped");
    expect(pairs["r3-r4"]).toMatchObject({ chosen: { id: "r3" }, strengthMean: 3 });
    const two = { ...fizzBuzz, judgments: [vote("a", "s1", "s2", 0, { preference: null, ranking: ["s2", "s1"] })] };
    expect(decide(two)["s1-s2"].chosen?.id).toBe("s2");
  });
});

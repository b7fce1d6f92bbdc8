import { describe, expect, it } from "vitest";
import type { TAgreementJudgment } from "@/lib/agreement";
import { collectPairVotes } from "./collect-pair-votes";
import { consensusSign, humanAgreement, scoreModelsAgainstHumans } from "./score-models-against-humans";

const judgment = (unitId: string, value: number, correctness?: number): TAgreementJudgment => ({
  unitId, rater: "r", value, bothBad: false, aspects: { correctness: correctness ?? null }, leftWon: null, activeSeconds: null, createdAt: new Date(0),
});
const repeat = (unit: string, values: number[], correctness?: number) => values.map((v) => judgment(unit, v, correctness));

describe("consensus", () => {
  it("is the side more humans chose, 0 on an even split; agreement counts ties in the whole", () => {
    expect(consensusSign({ first: 2, second: 1 })).toBe(-1);
    expect(consensusSign({ first: 1, second: 1 })).toBe(0);
    expect(humanAgreement({ first: 2, second: 0, ties: 1 })).toBeCloseTo(2 / 3, 12);
  });
});

describe("scoreModelsAgainstHumans", () => {
  // twenty pairs: humans pick the first in u0–u9 (3 of 3, correctness too) and the second in
  // u10–u19 (2 of 3); the model's gap is +(i mod 10 + 1) on both halves, so it agrees on u10–u19
  // only; u20 split, u21 equal scores, u22 lacks a score on one side
  const judgments = [
    ...Array.from({ length: 10 }, (_, i) => repeat(`u${i}`, [-1, -2, -1], -1)).flat(),
    ...Array.from({ length: 10 }, (_, i) => repeat(`u${10 + i}`, [-1, 2, 1])).flat(),
    ...repeat("u20", [-1, 1]),
    ...repeat("u21", [-1, -1, -1]),
    ...repeat("u22", [-1, -1, -1]),
  ];
  const votes = collectPairVotes({ judgments, aspectKeys: ["correctness"] });
  const units = Array.from({ length: 23 }, (_, i) => `u${i}`);
  const gaps = [Float64Array.from(units, (_, i) => (i < 20 ? (i % 10) + 1 : i === 20 ? 1 : i === 21 ? 0 : Number.NaN))];
  const result = scoreModelsAgainstHumans({ votes, pairs: { units, gaps }, scoreNames: ["rm"] });

  it("counts agreement over pairs with a human majority and a model preference", () => {
    const [rm] = result.scoreSets;
    expect(rm).toMatchObject({ name: "rm", pairs: 20, agreements: 10, accuracy: 0.5, leftOut: 2 });
    // Wilson 10/20: 0.5 ± 1.96·√(0.25/20 + 1.96²/1600), over 1 + 1.96²/20
    expect(rm.ci95![0]).toBeCloseTo(0.2993, 4);
    expect(rm.ci95![1]).toBeCloseTo(0.7007, 4);
    // the aspect: only u0–u9 carry it (first), and the model prefers the second on all of them
    expect(rm.aspects.correctness).toMatchObject({ pairs: 10, agreements: 0, accuracy: 0 });
    // every unit but u20 has a human majority
    expect(result.pairsWithConsensus).toBe(22);
  });

  it("lists the confident disagreements: top decile of |gap|, ⅔ of at least two humans on the other side", () => {
    // |gaps| 1..10 twice: the 90th percentile is 9 + 0.1·(10 − 9) = 9.1, so only the two gaps of 10
    // qualify: u9, and not u19, which is an agreement
    expect(result.disagreements).toEqual([{ scoreSet: "rm", unit: "u9", scoreGap: 10, humanMean: -4 / 3, humanAgreement: 1, judgments: 3 }]);
  });
});

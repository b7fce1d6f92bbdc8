import { describe, expect, it } from "vitest";
import * as C from "./read-judgment-columns";
import type { TAgreementJudgment } from "./types";

const at = (iso: string): Date => new Date(iso);

describe("readJudgmentColumns", () => {
  const judgments: TAgreementJudgment[] = [
    { unitId: "p1", rater: "ann", value: -2, bothBad: false, aspects: { style: 4 }, leftWon: "left", activeSeconds: 12, createdAt: at("2025-03-01T23:59:00Z"), goldCorrect: true, longerWon: false },
    { unitId: "p1", rater: "bob", value: 1, bothBad: true, aspects: { style: 9 }, leftWon: "right", activeSeconds: null, createdAt: at("2025-03-02T00:01:00Z") },
    { unitId: "p2", rater: "ann", value: null, bothBad: false, aspects: {}, leftWon: null, activeSeconds: Number.NaN, createdAt: at("2025-03-01T08:00:00Z"), longerWon: null },
  ];
  const columns = C.readJudgmentColumns({ judgments, aspectScales: { style: "likert5" } });

  it("numbers units and raters by first appearance", () => {
    expect(columns.unitCount).toBe(2);
    expect(Array.from(columns.unitOf)).toEqual([0, 0, 1]);
    expect(columns.raterIds).toEqual(["ann", "bob"]);
    expect(Array.from(columns.raterOf)).toEqual([0, 1, 0]);
  });

  it("stores levels, leaving out both-bad overall values and off-scale aspects", () => {
    expect(Array.from(columns.overallLevels)).toEqual([1, -1, -1]);
    expect(Array.from(columns.aspectLevels[0])).toEqual([3, -1, -1]);
  });

  it("packs the per-judgment facts into flags", () => {
    expect(columns.flags[0]).toBe(C.FLAG_GOLD_KNOWN | C.FLAG_GOLD_RIGHT | C.FLAG_LENGTH_KNOWN | C.FLAG_LEFT_WON | C.FLAG_TIMED);
    expect(columns.flags[1]).toBe(C.FLAG_BOTH_BAD | C.FLAG_RIGHT_WON);
    expect(columns.flags[2]).toBe(0);
  });

  it("counts distinct UTC days per rater", () => {
    // ann: 1 March twice; bob: 2 March
    expect(columns.activeDays).toEqual([1, 1]);
  });
});

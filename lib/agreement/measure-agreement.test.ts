import { describe, expect, it } from "vitest";
import { mulberry32 } from "./bootstrap";
import { buildLevelTable } from "./build-level-table";
import { fleissKappa } from "./fleiss-kappa";
import { gwetAC1 } from "./gwet-ac1";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { measureAgreement } from "./measure-agreement";
import { percentAgreement } from "./percent-agreement";
import { RATING_SCALES } from "./rating-scales";
import type { TAgreementStats } from "./types";

// the report's fused loop must give exactly what the public one-statistic functions give
function expectStandaloneStatistics(stats: TAgreementStats, counts: number[][], units: (number | null)[][]): void {
  expect(stats.percentAgreement).toBeCloseTo(percentAgreement({ counts }) as number, 12);
  expect(stats.fleissKappa).toBeCloseTo(fleissKappa({ counts }).kappa as number, 12);
  expect(stats.gwetAC1).toBeCloseTo(gwetAC1({ counts }).ac1 as number, 12);
  for (const level of ["nominal", "ordinal", "interval"] as const) {
    expect(stats.krippendorffAlpha[level]).toBeCloseTo(krippendorffAlpha({ units, level }) as number, 12);
  }
}

describe("measureAgreement", () => {
  const random = mulberry32(21);
  const scale = RATING_SCALES.likert5;
  const unitCount = 40;
  const unitOf: number[] = [];
  const levels: number[] = [];
  const units: (number | null)[][] = Array.from({ length: unitCount }, () => []);
  for (let u = 0; u < unitCount; u++) {
    const size = Math.floor(random() * 5); // 0..4 ratings, so some units are empty or single
    const centre = Math.floor(random() * 5);
    for (let i = 0; i < size; i++) {
      const level = Math.min(4, Math.max(0, centre + Math.round(random() * 2 - 1)));
      unitOf.push(u);
      levels.push(level);
      units[u].push(scale.values[level]);
    }
  }
  const table = buildLevelTable({ levels: Int8Array.from(levels), unitOf: Int32Array.from(unitOf), unitCount, scale });
  const counts = units.map((unit) => scale.values.map((v) => unit.filter((x) => x === v).length));

  it("matches the standalone statistics", () => {
    expectStandaloneStatistics(measureAgreement({ table }), counts, units);
  });

  it("adds intervals around each estimate when bootstrapping", () => {
    const stats = measureAgreement({ table, bootstrap: { iterations: 300, seed: 4 } });
    const [lo, hi] = stats.ci95?.krippendorffAlpha.interval as [number, number];
    expect(lo).toBeLessThan(stats.krippendorffAlpha.interval as number);
    expect(hi).toBeGreaterThan(stats.krippendorffAlpha.interval as number);
  });

  // units of at most three ratings per level pack into keys (unit-patterns.ts); the last units
  // of a scale narrower than seven levels, and every unit of a table with a wider count, do not
  it.each([
    ["pairwise7", 3],
    ["likert5", 3],
    ["binary", 3],
    ["pairwise7", 6],
  ] as const)("gives the standalone statistics on %s units of up to %i ratings", (name, maxSize) => {
    const scale = RATING_SCALES[name];
    const random = mulberry32(maxSize * 7 + scale.values.length);
    const unitOf: number[] = [];
    const levels: number[] = [];
    const units: (number | null)[][] = Array.from({ length: 300 }, () => []);
    units.forEach((unit, u) => {
      const size = Math.floor(random() * (maxSize + 1));
      for (let i = 0; i < size; i++) {
        const level = Math.floor(random() * scale.values.length);
        unitOf.push(u);
        levels.push(level);
        unit.push(scale.values[level]);
      }
    });
    const table = buildLevelTable({ levels: Int8Array.from(levels), unitOf: Int32Array.from(unitOf), unitCount: units.length, scale });
    // p_a, κ and AC1 count categories (the winner's side on the 7-point scale), α the values
    const categoryOf = (v: number) => scale.categoryOfLevel[scale.values.indexOf(v)];
    const counts = units.map((unit) => Array.from({ length: scale.categoryCount }, (_, k) => unit.filter((v) => categoryOf(v as number) === k).length));
    expectStandaloneStatistics(measureAgreement({ table }), counts, units);
  });
});

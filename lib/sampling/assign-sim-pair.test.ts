import { describe, expect, it } from "vitest";
import { assignSimPair, type AssignSimPairOptions } from "./assign-sim-pair";
import { createRng } from "./create-rng";

const base = (overrides: Partial<AssignSimPairOptions>): AssignSimPairOptions => ({
  rows: 6,
  isActive: true,
  excluded: [0, 0, 0, 0, 1, 0],
  eligibleCount: 5,
  priorities: [0.5, 0.4, 0.1, 0.3, 0.9, 0.2],
  candidates: 3,
  temperature: 0.5,
  epsilon: 0.1,
  overlapShare: 0,
  needsMore: () => false,
  random: createRng(1),
  ...overrides,
});

/** Empirical frequency of each row against the propensity the assignment reported for it. */
function check(options: AssignSimPairOptions, draws = 40_000) {
  const counts = new Map<number, number>();
  const reported = new Map<number, number>();
  for (let n = 0; n < draws; n++) {
    const { row, propensity } = assignSimPair(options);
    counts.set(row, (counts.get(row) ?? 0) + 1);
    reported.set(row, propensity);
  }
  let total = 0;
  for (const [row, count] of counts) {
    expect(count / draws).toBeCloseTo(reported.get(row)!, 2);
    total += reported.get(row)!;
  }
  return { counts, total };
}

describe("assignSimPair", () => {
  it("serves only the top candidates, never an excluded row, at the reported rates", () => {
    const { counts, total } = check(base({}));
    expect([...counts.keys()].sort()).toEqual([0, 1, 3]);
    expect(total).toBeCloseTo(1, 10);
  });

  it("is uniform over eligible rows for the random strategy", () => {
    const { counts } = check(base({ isActive: false }), 20_000);
    expect(counts.has(4)).toBe(false);
    expect(counts.size).toBe(5);
  });

  it("reports the mixture probability when an overlap share is reserved", () => {
    // Rows 0, 2 and 5 want another judgment: 2 and 5 are reachable only through the reserve,
    // 0 both through the reserve and as a top candidate.
    const options = base({ overlapShare: 0.2, needsMore: (row) => row === 2 || row === 5 || row === 0 });
    const { counts, total } = check(options);
    expect(counts.has(2)).toBe(true);
    expect(total).toBeCloseTo(1, 10);
  });
});

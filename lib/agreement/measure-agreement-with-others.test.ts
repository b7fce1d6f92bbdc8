import { describe, expect, it } from "vitest";
import { groupLabelsByUnit } from "./group-labels-by-unit";
import { measureAgreementWithOthers } from "./measure-agreement-with-others";

function agreement(rows: [unit: number, rater: number, label: number][], raterCount: number) {
  const grouped = groupLabelsByUnit({
    unitOf: Int32Array.from(rows, (r) => r[0]),
    raterOf: Int32Array.from(rows, (r) => r[1]),
    labels: Int8Array.from(rows, (r) => r[2]),
    unitCount: Math.max(...rows.map((r) => r[0])) + 1,
  });
  return measureAgreementWithOthers({ grouped, raterCount, categoryCount: 3 });
}

describe("measureAgreementWithOthers", () => {
  it("compares each rater with the majority of the others", () => {
    // unit 0 labels 0 0 2: raters 0 and 1 each face others {0, 2}, a split, so it is skipped;
    // rater 2 faces {0, 0} and disagrees. Unit 1 labels 1 1 1: everyone agrees.
    const result = agreement([[0, 0, 0], [0, 1, 0], [0, 2, 2], [1, 0, 1], [1, 1, 1], [1, 2, 1]], 3);
    expect(result).toEqual([1, 1, 0.5]);
  });

  it("never compares a rater's repeat judgments with each other", () => {
    // rater 0 judged unit 0 twice (0 and 2); rater 1 said 2: both of rater 0's are compared with {2}
    const result = agreement([[0, 0, 0], [0, 0, 2], [0, 1, 2]], 2);
    expect(result[0]).toBe(0.5);
    // rater 1 against rater 0's {0, 2}: tied, skipped
    expect(result[1]).toBeNull();
    // a unit judged only by one rater, twice, says nothing
    expect(agreement([[0, 0, 1], [0, 0, 1]], 1)).toEqual([null]);
  });

  it("handles units larger than the insertion-sort limit", () => {
    const rows: [number, number, number][] = Array.from({ length: 40 }, (_, r) => [0, r, r < 30 ? 2 : 0]);
    const result = agreement(rows, 40);
    expect(result.slice(0, 30).every((v) => v === 1)).toBe(true);
    expect(result.slice(30).every((v) => v === 0)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss-kappa";
import { FLEISS_1971, KRIPPENDORFF_2011, countsOf, unitsOf } from "./reference-vectors";

describe("fleissKappa", () => {
  it("reproduces Fleiss (1971) (vector 6)", () => {
    const { kappa, pa, pe } = fleissKappa({ counts: FLEISS_1971 });
    expect(pa).toBeCloseTo(0.378, 3);
    expect(pe).toBeCloseTo(0.213, 3);
    expect(kappa).toBeCloseTo(0.21, 3);
  });

  it("uses Gwet's generalisation for unequal rater counts (vector 4)", () => {
    const { kappa, pa, pe } = fleissKappa({ counts: countsOf(unitsOf(KRIPPENDORFF_2011), [1, 2, 3, 4, 5]) });
    expect(pa).toBeCloseTo(0.818, 3);
    expect(pe).toBeCloseTo(0.239, 3);
    expect(kappa).toBeCloseTo(0.761, 3);
  });

  it("returns nulls, never NaN, for degenerate input", () => {
    expect(fleissKappa({ counts: [] })).toEqual({ kappa: null, pa: null, pe: null });
    // only single ratings: chance agreement is known, observed agreement is not
    expect(fleissKappa({ counts: [[1, 0], [0, 1]] })).toEqual({ kappa: null, pa: null, pe: 0.5 });
    // one category takes everything: p_e = 1
    expect(fleissKappa({ counts: [[3, 0], [2, 0]] }).kappa).toBeNull();
  });

  it("rejects ragged or negative counts", () => {
    expect(() => fleissKappa({ counts: [[1, 2], [1]] })).toThrow(RangeError);
    expect(() => fleissKappa({ counts: [[1, -2]] })).toThrow(RangeError);
  });
});

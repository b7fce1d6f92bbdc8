import { describe, expect, it } from "vitest";
import { percentAgreement } from "./percent-agreement";
import { FLEISS_1971 } from "./reference-vectors";

describe("percentAgreement", () => {
  it("averages the share of agreeing pairs over units (Fleiss 1971 P̄)", () => {
    expect(percentAgreement({ counts: FLEISS_1971 })).toBeCloseTo(0.378, 3);
  });

  it("skips units with fewer than two ratings", () => {
    // [2,1]: 2 of 6 ordered pairs agree; [1,0] and [0,0] have no pair
    expect(percentAgreement({ counts: [[2, 1], [1, 0], [0, 0], [0, 2]] })).toBeCloseTo((1 / 3 + 1) / 2, 12);
  });

  it("is null when no unit has two ratings", () => {
    expect(percentAgreement({ counts: [[1, 0]] })).toBeNull();
    expect(percentAgreement({ counts: [] })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { gwetAC1 } from "./gwet-ac1";
import { KRIPPENDORFF_2011, countsOf, unitsOf } from "./reference-vectors";

describe("gwetAC1", () => {
  it("reproduces the published AC1 (vector 4)", () => {
    const { ac1, pa, pe } = gwetAC1({ counts: countsOf(unitsOf(KRIPPENDORFF_2011), [1, 2, 3, 4, 5]) });
    expect(pa).toBeCloseTo(0.818, 3);
    expect(pe).toBeCloseTo(0.19, 3);
    expect(ac1).toBeCloseTo(0.775, 3);
  });

  it("stays defined when one category takes every rating (the kappa paradox)", () => {
    const { ac1, pe } = gwetAC1({ counts: [[3, 0], [2, 0], [4, 0]] });
    expect(pe).toBe(0);
    expect(ac1).toBe(1);
  });

  it("returns null without paired units or with a single category", () => {
    expect(gwetAC1({ counts: [[1, 0, 0]] }).ac1).toBeNull();
    expect(gwetAC1({ counts: [[2], [3]] }).ac1).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { buildCoincidenceMatrix } from "./build-coincidence-matrix";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { KRIPPENDORFF_2011, WIKIPEDIA_ALPHA, unitsOf } from "./reference-vectors";

describe("krippendorffAlpha", () => {
  const vector4 = unitsOf(KRIPPENDORFF_2011);
  const vector5 = unitsOf(WIKIPEDIA_ALPHA);

  it("reproduces Krippendorff (2011) at every level (vector 4)", () => {
    expect(krippendorffAlpha({ units: vector4, level: "nominal" })).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha({ units: vector4, level: "ordinal" })).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha({ units: vector4, level: "interval" })).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha({ units: vector4, level: "ratio" })).toBeCloseTo(0.797, 3);
  });

  it("reproduces the Wikipedia example to 6 decimals (vector 5)", () => {
    expect(krippendorffAlpha({ units: vector5, level: "nominal" })).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha({ units: vector5, level: "interval" })).toBeCloseTo(0.810845, 6);
  });

  it("takes ragged value lists as well as null-padded rows", () => {
    const ragged = vector4.map((unit) => unit.filter((v) => v !== null));
    expect(krippendorffAlpha({ units: ragged, level: "nominal" })).toBe(krippendorffAlpha({ units: vector4, level: "nominal" }));
  });

  it("leaves single-value units out of the coincidence matrix", () => {
    const { values, matrix } = buildCoincidenceMatrix({ units: [[1, 2], [3], [null, null]] });
    expect(values).toEqual([1, 2]);
    expect(Array.from(matrix)).toEqual([0, 1, 1, 0]);
  });

  it("returns null, never NaN, when α is undefined", () => {
    expect(krippendorffAlpha({ units: [], level: "nominal" })).toBeNull();
    expect(krippendorffAlpha({ units: [[1], [2, null]], level: "interval" })).toBeNull();
    // everyone gave the same value: no expected disagreement
    expect(krippendorffAlpha({ units: [[2, 2], [2, 2, 2]], level: "ordinal" })).toBeNull();
  });

  it("is 1 for perfect agreement with variation between units", () => {
    expect(krippendorffAlpha({ units: [[1, 1], [3, 3, null], [2, 2]], level: "interval" })).toBe(1);
  });
});

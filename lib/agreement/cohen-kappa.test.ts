import { describe, expect, it } from "vitest";
import { buildContingencyTable, cohenKappa, cohenKappaFromRatings } from "./cohen-kappa";

describe("cohenKappa", () => {
  it("reproduces the 2×2 example (vector 1)", () => {
    const { kappa, po, pe } = cohenKappa({ table: [[20, 5], [10, 15]] });
    expect(po).toBeCloseTo(0.7, 12);
    expect(pe).toBeCloseTo(0.5, 12);
    expect(kappa).toBeCloseTo(0.4, 12);
  });

  it("reproduces the 3×3 example, unweighted and weighted (vector 2)", () => {
    const table = [[13, 0, 0], [0, 20, 7], [0, 4, 56]];
    expect(cohenKappa({ table }).kappa).toBeCloseTo(0.796, 3);
    expect(cohenKappa({ table, weights: "quadratic" }).kappa).toBeCloseTo(0.892, 3);
    expect(cohenKappa({ table, weights: "linear" }).kappa).toBeCloseTo(0.843, 3);
  });

  it("reproduces the 4×4 example, unweighted and weighted (vector 3)", () => {
    const table = [[40, 4, 4, 17], [6, 25, 2, 13], [4, 1, 21, 12], [15, 5, 9, 45]];
    expect(cohenKappa({ table }).kappa).toBeCloseTo(0.432, 3);
    expect(cohenKappa({ table, weights: "quadratic" }).kappa).toBeCloseTo(0.383, 3);
    expect(cohenKappa({ table, weights: "linear" }).kappa).toBeCloseTo(0.407, 3);
  });

  it("returns null, never NaN, for an empty table or a single category", () => {
    expect(cohenKappa({ table: [[0, 0], [0, 0]] })).toEqual({ kappa: null, po: null, pe: null });
    expect(cohenKappa({ table: [[5, 0], [0, 0]] }).kappa).toBeNull();
  });

  it("rejects a non-square table", () => {
    expect(() => cohenKappa({ table: [[1, 2], [3]] })).toThrow(RangeError);
  });
});

describe("cohenKappaFromRatings", () => {
  it("builds the table from paired ratings, skipping missing ones", () => {
    const first = [1, 1, 2, 3, null, 2];
    const second = [1, 2, 2, 3, 1, null];
    expect(buildContingencyTable({ first, second }).table).toEqual([[1, 1, 0], [0, 1, 0], [0, 0, 1]]);
  });

  it("matches the table form, including weights", () => {
    // expand vector 2 back into rating pairs
    const table = [[13, 0, 0], [0, 20, 7], [0, 4, 56]];
    const first: number[] = [];
    const second: number[] = [];
    table.forEach((row, i) => row.forEach((n, j) => {
      for (let c = 0; c < n; c++) { first.push(i + 1); second.push(j + 1); }
    }));
    expect(cohenKappaFromRatings({ first, second }).kappa).toBeCloseTo(0.796, 3);
    expect(cohenKappaFromRatings({ first, second, weights: "quadratic" }).kappa).toBeCloseTo(0.892, 3);
  });

  it("keeps listed but unused categories as empty rows and rejects unlisted ratings", () => {
    const first = [1, 2, 3, 3];
    const second = [1, 3, 3, 2];
    expect(buildContingencyTable({ first, second, categories: [1, 2, 3, 4] }).table[3]).toEqual([0, 0, 0, 0]);
    // disagreement weights scale with q − 1, which cancels in κ_w: trailing empty categories change nothing
    const dense = cohenKappaFromRatings({ first, second, weights: "linear" }).kappa as number;
    const wide = cohenKappaFromRatings({ first, second, categories: [1, 2, 3, 4, 5], weights: "linear" }).kappa as number;
    expect(wide).toBeCloseTo(dense, 12);
    expect(() => cohenKappaFromRatings({ first: [9], second: [1], categories: [1, 2] })).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf";

describe("normalCdf", () => {
  it("matches published table values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
    expect(normalCdf(-0.7071068)).toBeCloseTo(0.2397501, 6);
    expect(normalCdf(3)).toBeCloseTo(0.9986501, 6);
  });

  it("is symmetric about zero", () => {
    for (const x of [0.3, 1.1, 2.5]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 7);
  });
});

import { describe, expect, it } from "vitest";
import { mulberry32 } from "./bootstrap";
import { medianInPlace } from "./median-in-place";

describe("medianInPlace", () => {
  it("takes the middle value or the mean of the middle two", () => {
    expect(medianInPlace(Float64Array.from([40, 10, 30, 20]))).toBe(25);
    expect(medianInPlace(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(medianInPlace(Float64Array.from([7]))).toBe(7);
    expect(medianInPlace(new Float64Array(0))).toBeNull();
  });

  it("agrees with sorting on random, sorted and constant data", () => {
    const random = mulberry32(3);
    const cases = [
      Array.from({ length: 1001 }, () => Math.floor(random() * 50)),
      Array.from({ length: 1000 }, () => random() * 300),
      Array.from({ length: 500 }, (_, i) => i),
      Array.from({ length: 500 }, () => 4),
    ];
    for (const values of cases) {
      const sorted = [...values].sort((a, b) => a - b);
      const n = sorted.length;
      const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(medianInPlace(Float64Array.from(values))).toBe(expected);
    }
  });
});

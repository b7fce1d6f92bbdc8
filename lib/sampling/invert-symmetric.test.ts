import { describe, expect, it } from "vitest";
import { invertSymmetric } from "./invert-symmetric";

describe("invertSymmetric", () => {
  it("matches a hand-inverted 2×2", () => {
    // [[4, 2], [2, 3]]⁻¹ = (1/8)·[[3, −2], [−2, 4]].
    const inverse = invertSymmetric([[4, 2], [2, 3]]);
    expect(inverse[0][0]).toBeCloseTo(0.375, 12);
    expect(inverse[0][1]).toBeCloseTo(-0.25, 12);
    expect(inverse[1][0]).toBeCloseTo(-0.25, 12);
    expect(inverse[1][1]).toBeCloseTo(0.5, 12);
  });

  it("gives the identity when multiplied back", () => {
    const a = [[5, 1, 0.5], [1, 4, -1], [0.5, -1, 3]];
    const inverse = invertSymmetric(a);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const product = a[r].reduce((s, v, k) => s + v * inverse[k][c], 0);
        expect(product).toBeCloseTo(r === c ? 1 : 0, 10);
      }
    }
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(() => invertSymmetric([[1, 2], [2, 1]])).toThrow(RangeError);
  });
});

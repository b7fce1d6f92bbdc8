import { describe, expect, it } from "vitest";
import { createRng, sampleNormal } from "./create-rng";

describe("createRng", () => {
  it("repeats the same stream for the same seed and differs across seeds", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
  });

  it("stays in [0, 1) with mean near one half", () => {
    const random = createRng(1);
    let sum = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let n = 0; n < 20_000; n++) {
      const x = random();
      low = Math.min(low, x);
      high = Math.max(high, x);
      sum += x;
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    expect(sum / 20_000).toBeCloseTo(0.5, 2);
  });

  it("gives normal draws with mean 0 and variance 1", () => {
    const random = createRng(3);
    let sum = 0;
    let squares = 0;
    const n = 40_000;
    for (let k = 0; k < n; k++) {
      const z = sampleNormal(random);
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(squares / n).toBeGreaterThan(0.97);
    expect(squares / n).toBeLessThan(1.03);
  });
});

import { describe, expect, it } from "vitest";
import { mulberry32 } from "./bootstrap";
import { dawidSkene } from "./dawid-skene";

// 300 units with 3 classes; raters 0–3 are right 85% of the time, rater 4 guesses at random
function syntheticLabels(seed: number) {
  const random = mulberry32(seed);
  const units: number[] = [];
  const raters: number[] = [];
  const labels: number[] = [];
  const truth: number[] = [];
  for (let u = 0; u < 300; u++) {
    const t = Math.floor(random() * 3);
    truth.push(t);
    for (let r = 0; r < 5; r++) {
      const isGuess = r === 4 || random() >= 0.85;
      units.push(u);
      raters.push(r);
      labels.push(isGuess ? Math.floor(random() * 3) : t);
    }
  }
  return { units, raters, labels, truth };
}

describe("dawidSkene", () => {
  const data = syntheticLabels(11);
  const result = dawidSkene({ ...data, classCount: 3 });

  it("gives the random guesser a clearly lower reliability", () => {
    const reliability = result.reliability as number[];
    for (let r = 0; r < 4; r++) expect(reliability[r]).toBeGreaterThan(0.8);
    expect(reliability[4]).toBeLessThan(0.45);
    expect(result.converged).toBe(true);
  });

  it("recovers the true classes through the posteriors", () => {
    let correct = 0;
    data.truth.forEach((t, u) => {
      const row = Array.from(result.posteriors.subarray(u * 3, u * 3 + 3));
      if (row.indexOf(Math.max(...row)) === t) correct++;
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
    expect(correct / data.truth.length).toBeGreaterThan(0.95);
  });

  it("is deterministic", () => {
    const again = dawidSkene({ ...data, classCount: 3 });
    expect(again.reliability).toEqual(result.reliability);
    expect(Array.from(again.posteriors)).toEqual(Array.from(result.posteriors));
  });

  it("keeps rates inside [0, 1], reports raters without labels as null, and honours the cap", () => {
    const capped = dawidSkene({ units: [0, 0, 1], raters: [0, 2, 0], labels: [1, 1, 0], classCount: 2, raterCount: 3, maxIterations: 2 });
    expect(capped.iterations).toBeLessThanOrEqual(2);
    expect(capped.reliability[1]).toBeNull();
    for (const r of [capped.reliability[0], capped.reliability[2]]) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
    expect(dawidSkene({ units: [], raters: [], labels: [], classCount: 3 }).reliability).toEqual([]);
  });

  it("survives a unit with thousands of labels (no underflow)", () => {
    // 100 ordinary units from three accurate raters, then unit 100 with 3000 labels, 90% class 0:
    // its likelihood product is far below the smallest double unless rescaled
    const { units, raters, labels } = syntheticLabels(5);
    const ordinary = units.flatMap((u, j) => (u < 100 && raters[j] < 3 ? [j] : []));
    const big = dawidSkene({
      units: [...ordinary.map((j) => units[j]), ...new Array<number>(3000).fill(100)],
      raters: [...ordinary.map((j) => raters[j]), ...Array.from({ length: 3000 }, (_, i) => i % 3)],
      labels: [...ordinary.map((j) => labels[j]), ...Array.from({ length: 3000 }, (_, i) => (i % 10 === 0 ? 1 : 0))],
      classCount: 3,
    });
    const row = Array.from(big.posteriors.subarray(300, 303));
    expect(row.every(Number.isFinite)).toBe(true);
    expect(row[0]).toBeGreaterThan(0.99);
    expect(big.reliability.every((r) => r !== null && r > 0 && r < 1)).toBe(true);
  });

  it("rejects labels outside the classes", () => {
    expect(() => dawidSkene({ units: [0], raters: [0], labels: [3], classCount: 3 })).toThrow(RangeError);
  });
});

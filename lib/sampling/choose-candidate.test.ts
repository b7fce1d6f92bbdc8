import { describe, expect, it } from "vitest";
import { chooseCandidate, selectionProbabilities } from "./choose-candidate";
import { createRng } from "./create-rng";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("selectionProbabilities", () => {
  it("sums to one for assorted settings", () => {
    for (const [temperature, epsilon] of [[0.3, 0.1], [1, 0], [0, 0.1], [5, 0.5]]) {
      const probabilities = selectionProbabilities({ priorities: [0.2, 0.05, 0.11, 0.3, 0.01], temperature, epsilon });
      expect(sum(probabilities)).toBeCloseTo(1, 12);
    }
  });

  it("is uniform when epsilon is 1", () => {
    const probabilities = selectionProbabilities({ priorities: [9, 1, 0.5, 0.1], temperature: 0.2, epsilon: 1 });
    for (const p of probabilities) expect(p).toBeCloseTo(0.25, 12);
  });

  it("matches a hand-worked mixture", () => {
    // priorities 0.2 and 0.1, T = 0.5 relative → scale 0.1; weights e^0 = 1 and e^−1 = 0.3678794.
    // softmax = 0.7310586, 0.2689414; ε = 0.1, n = 2 → 0.05 + 0.9·softmax = 0.7079527, 0.2920473.
    const [a, b] = selectionProbabilities({ priorities: [0.2, 0.1], temperature: 0.5, epsilon: 0.1 });
    expect(a).toBeCloseTo(0.7079527, 6);
    expect(b).toBeCloseTo(0.2920473, 6);
  });

  it("is greedy at temperature zero apart from the exploration share", () => {
    const probabilities = selectionProbabilities({ priorities: [0.1, 0.4, 0.2], temperature: 0, epsilon: 0.3 });
    expect(probabilities[1]).toBeCloseTo(0.1 + 0.7, 12);
    expect(probabilities[0]).toBeCloseTo(0.1, 12);
  });

  it("does not change when every priority is scaled", () => {
    const a = selectionProbabilities({ priorities: [0.2, 0.1, 0.05], temperature: 0.4, epsilon: 0.1 });
    const b = selectionProbabilities({ priorities: [0.02, 0.01, 0.005], temperature: 0.4, epsilon: 0.1 });
    a.forEach((p, k) => expect(b[k]).toBeCloseTo(p, 12));
  });

  it("rejects an empty list and a bad epsilon", () => {
    expect(() => selectionProbabilities({ priorities: [], temperature: 1, epsilon: 0.1 })).toThrow(RangeError);
    expect(() => selectionProbabilities({ priorities: [1], temperature: 1, epsilon: 1.5 })).toThrow(RangeError);
  });
});

describe("chooseCandidate", () => {
  it("returns the propensity of the chosen index and draws at those rates", () => {
    const priorities = [0.3, 0.1, 0.2];
    const options = { priorities, temperature: 0.5, epsilon: 0.1 };
    const expected = selectionProbabilities(options);
    const random = createRng(11);
    const counts = [0, 0, 0];
    const draws = 30_000;
    let mismatches = 0;
    for (let n = 0; n < draws; n++) {
      const { index, propensity } = chooseCandidate({ ...options, random });
      if (propensity !== expected[index]) mismatches++;
      counts[index]++;
    }
    expect(mismatches).toBe(0);
    counts.forEach((count, k) => expect(count / draws).toBeCloseTo(expected[k], 2));
  });

  it("picks the last candidate when the draw lands on the rounding gap", () => {
    const result = chooseCandidate({ priorities: [1, 1, 1], temperature: 1, epsilon: 0, random: () => 0.9999999999999999 });
    expect(result.index).toBe(2);
  });
});

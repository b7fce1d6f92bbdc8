import { describe, expect, it } from "vitest";
import { combineModelScores } from "./combine-model-scores";

describe("combineModelScores", () => {
  it("z-scores each set across the group and averages a response's z's", () => {
    // rm: 1, 2, 3 → mean 2, population sd √(2/3) → z = ∓1.22474, 0
    // judge: 10, 30 on the first two only → z = −1, +1
    const z = combineModelScores([{ rm: 1, judge: 10 }, { rm: 2, judge: 30 }, { rm: 3 }, null]);
    expect(z[0]).toBeCloseTo((-1.224745 - 1) / 2, 6);
    expect(z[1]).toBeCloseTo((0 + 1) / 2, 6);
    expect(z[2]).toBeCloseTo(1.224745, 6);
    expect(z[3]).toBeNull();
  });

  it("a set that is constant or has one value says nothing", () => {
    expect(combineModelScores([{ flat: 5, only: 1 }, { flat: 5 }, {}])).toEqual([null, null, null]);
  });

  it("scales drop out: a set times 100 plus 7 gives the same z's", () => {
    const raw = [0.1, 0.5, 0.2, 0.9].map((v) => ({ rm: v }));
    const scaled = raw.map(({ rm }) => ({ rm: rm * 100 + 7 }));
    combineModelScores(raw).forEach((z, k) => expect(combineModelScores(scaled)[k]).toBeCloseTo(z!, 12));
  });
});

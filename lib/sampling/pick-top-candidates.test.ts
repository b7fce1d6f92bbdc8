import { describe, expect, it } from "vitest";
import { createRng } from "./create-rng";
import { pickTopCandidates } from "./pick-top-candidates";

describe("pickTopCandidates", () => {
  it("keeps the best eligible rows, best first", () => {
    const top = pickTopCandidates({ priorities: [0.1, 0.9, 0.5, 0.7, 0.95, 0.3], excluded: [0, 0, 0, 0, 1, 0], limit: 3 });
    expect(top.rows).toEqual([1, 3, 2]);
    expect(top.priorities).toEqual([0.9, 0.7, 0.5]);
  });

  it("agrees with a full sort on random data", () => {
    const random = createRng(2);
    const values = Array.from({ length: 500 }, () => random());
    const excluded = values.map(() => (random() < 0.3 ? 1 : 0));
    const top = pickTopCandidates({ priorities: values, excluded, limit: 24 });
    const expected = values
      .map((v, r) => ({ v, r }))
      .filter(({ r }) => excluded[r] === 0)
      .sort((a, b) => b.v - a.v)
      .slice(0, 24)
      .map(({ r }) => r);
    expect(top.rows).toEqual(expected);
  });

  it("returns fewer rows when fewer are eligible, and keeps the lower row on ties", () => {
    expect(pickTopCandidates({ priorities: [1, 1, 1, 1], excluded: [0, 0, 1, 1], limit: 10 }).rows).toEqual([0, 1]);
    expect(pickTopCandidates({ priorities: [1, 1, 1], limit: 2 }).rows).toEqual([0, 1]);
  });
});

import { describe, expect, it } from "vitest";
import { isSettled } from "./is-settled";

describe("isSettled", () => {
  it("settles an agreeing pair at the overlap", () => {
    expect(isSettled({ signs: [1, 1], overlap: 2, cap: 4 })).toEqual({ isSettled: true, target: 2 });
  });

  it("reopens a split pair and settles it after the tie-breaker", () => {
    expect(isSettled({ signs: [1, -1], overlap: 2, cap: 4 })).toEqual({ isSettled: false, target: 3 });
    expect(isSettled({ signs: [1, -1, 1], overlap: 2, cap: 4 })).toEqual({ isSettled: true, target: 3 });
  });

  it("settles at the cap however split the vote", () => {
    expect(isSettled({ signs: [1, -1, 1, -1], overlap: 2, cap: 4 })).toEqual({ isSettled: true, target: 4 });
  });
});

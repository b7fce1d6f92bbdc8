import { describe, expect, it } from "vitest";
import { learnsOnline } from "./learns-online";

describe("learnsOnline", () => {
  it("only ordered pairwise judgments on actively sampled projects", () => {
    const pair = { mode: "pairwise", sampling: "active", responseB: "r1", canonicalPreference: -1 };
    expect(learnsOnline(pair)).toBe(true);
    expect(learnsOnline({ ...pair, canonicalPreference: 0 })).toBe(true);
    expect(learnsOnline({ ...pair, canonicalPreference: null })).toBe(false);
    expect(learnsOnline({ ...pair, sampling: "random" })).toBe(false);
    expect(learnsOnline({ ...pair, mode: "ranking", responseB: null })).toBe(false);
  });
});

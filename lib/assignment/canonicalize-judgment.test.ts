import { describe, expect, it } from "vitest";
import { canonicalizeJudgment } from "./canonicalize-judgment";
import type { TJudgmentInput } from "./schemas";

const base: TJudgmentInput = { idempotencyKey: "key-00000001" };

describe("canonicalizeJudgment, pairwise", () => {
  it("keeps the sign when the earlier response is on the left", () => {
    const out = canonicalizeJudgment({ input: { ...base, preference: -2, aspects: { correctness: 3, security: -1 } }, slotOrder: ["r1", "r2"], unitResponseA: "r1" });
    expect(out.flipped).toBe(false);
    expect(out.preference).toBe(-2);
    expect(out.aspects).toEqual({ correctness: 3, security: -1 });
  });

  it("negates preference and every pairwise aspect when the earlier response is on the right", () => {
    const out = canonicalizeJudgment({ input: { ...base, preference: -2, aspects: { correctness: 3, security: -1, style: null } }, slotOrder: ["r2", "r1"], unitResponseA: "r1" });
    expect(out.flipped).toBe(true);
    expect(out.preference).toBe(2);
    expect(out.aspects).toEqual({ correctness: -3, security: 1, style: null });
  });

  it("turns a tie into +0, never −0", () => {
    const out = canonicalizeJudgment({ input: { ...base, preference: 0, aspects: { correctness: 0 } }, slotOrder: ["r2", "r1"], unitResponseA: "r1" });
    expect(Object.is(out.preference, 0)).toBe(true);
    expect(Object.is(out.aspects.correctness, 0)).toBe(true);
  });

  it("leaves a missing preference (both bad) as null", () => {
    const out = canonicalizeJudgment({ input: { ...base, bothBad: true }, slotOrder: ["r2", "r1"], unitResponseA: "r1" });
    expect(out.preference).toBeNull();
    expect(out.aspects).toEqual({});
  });

  it("maps comment slots to the response shown there", () => {
    const out = canonicalizeJudgment({ input: { ...base, preference: 1 }, slotOrder: ["r2", "r1"], unitResponseA: "r1" });
    expect(out.responseOfSlot("A")).toBe("r2");
    expect(out.responseOfSlot("B")).toBe("r1");
  });
});

describe("canonicalizeJudgment, rating and ranking", () => {
  it("keys ratings by response id instead of slot, without flipping", () => {
    const out = canonicalizeJudgment({ input: { ...base, ratings: { A: { correctness: 4, readability: 2 } } }, slotOrder: ["resp-9"], unitResponseA: null });
    expect(out.flipped).toBe(false);
    expect(out.ratings).toEqual({ "resp-9": { correctness: 4, readability: 2 } });
    expect(out.ranking).toBeNull();
  });

  it("turns a slot ranking into response ids, best first", () => {
    const out = canonicalizeJudgment({ input: { ...base, ranking: ["C", "A", "B"] }, slotOrder: ["x", "y", "z"], unitResponseA: null });
    expect(out.ranking).toEqual(["z", "x", "y"]);
    expect(out.ratings).toBeNull();
    expect(out.preference).toBeNull();
  });

  it("does not flip a ranking unit even though it has two slots", () => {
    const out = canonicalizeJudgment({ input: { ...base, ranking: ["B", "A"], aspects: { correctness: 2 } }, slotOrder: ["y", "x"], unitResponseA: null });
    expect(out.flipped).toBe(false);
    expect(out.ranking).toEqual(["x", "y"]);
    expect(out.aspects).toEqual({ correctness: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { decodeJudgmentRow, JUDGMENT_CODES, type TDecodeContext } from "./decode-judgment-row";

const context = (): TDecodeContext => ({ aspectKeys: ["correctness", "readability"], aspects: new Map(), days: new Map(), raters: new Map() });

describe("decodeJudgmentRow", () => {
  it("unpacks value, both-bad, displayed winner, gold, length, timing and aspects", () => {
    // value −2 → 1; left (1) in bits 4–5; gold right (2) in bits 6–7; longer lost (1) in bits 8–9
    const flags = 1 | (1 << 4) | (2 << 6) | (1 << 8);
    const day = 20_000;
    const row = ["unit-1", "user-1", flags, day * JUDGMENT_CODES.DAY_FACTOR + 37_500, '{"correctness": -2, "security": 1}'];
    expect(decodeJudgmentRow(row, context())).toEqual({
      unitId: "unit-1", rater: "user-1", value: -2, bothBad: false, aspects: { correctness: -2, readability: null },
      leftWon: "left", activeSeconds: 37.5, createdAt: new Date(day * 86_400_000), goldCorrect: true, longerWon: false,
    });
  });

  it("reads the sentinels as missing and shares aspect objects, dates and rater ids", () => {
    const ctx = context();
    const bothBad = 7 | 8;
    const row = (user: string) => ["u", user, bothBad, 5 * JUDGMENT_CODES.DAY_FACTOR + JUDGMENT_CODES.NO_TIME, "{}"];
    const first = decodeJudgmentRow(row("ab".repeat(2)), ctx);
    const second = decodeJudgmentRow(row("abab"), ctx);
    expect(first).toMatchObject({ value: null, bothBad: true, aspects: { correctness: null, readability: null }, leftWon: null, activeSeconds: null, goldCorrect: null, longerWon: null });
    expect(second.aspects).toBe(first.aspects);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.rater).toBe(first.rater);
  });

  it("treats a missing or non-numeric aspect value as missing", () => {
    const judgment = decodeJudgmentRow(["u", "r", 3, 0, '{"correctness": "2", "readability": null}'], context());
    expect(judgment.aspects).toEqual({ correctness: null, readability: null });
    expect(decodeJudgmentRow(["u", "r", 3 | (2 << 4), 0, null], context())).toMatchObject({ value: 0, leftWon: "tie", aspects: { correctness: null } });
  });
});

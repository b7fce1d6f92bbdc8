import { describe, expect, it } from "vitest";
import type { TRaterStats } from "@/lib/agreement";
import { decorateRaters } from "./decorate-raters";

const stats = (rater: string, goldAccuracy: number | null): TRaterStats => ({
  rater, judgments: 10, agreementWithOthers: 0.5, goldAccuracy, leftRate: 0.5, medianSeconds: 30, leftPValue: 1,
  tieRate: 0, bothBadRate: 0, lengthBias: 0.5, perDay: 10, skipRate: 0, reliability: 0.9,
});

describe("decorateRaters", () => {
  it("flags gold accuracy under the threshold only with enough gold judgments, and orders by e-mail", () => {
    const identities = new Map([
      ["u1", { email: "zed@example.com", name: null, isPaused: false }],
      ["u2", { email: "amy@example.com", name: "Amy", isPaused: true }],
    ]);
    const raters = decorateRaters({
      raters: [stats("u1", 0.5), stats("u2", 0.5), stats("u3", 0.69)],
      goldJudgments: { u1: 4, u2: 2, u3: 3 },
      identities,
      goldThreshold: 0.7,
    });
    expect(raters.map((r) => [r.rater, r.email, r.isFlagged, r.isPaused])).toEqual([
      ["u2", "amy@example.com", false, true],
      ["u1", "zed@example.com", true, false],
      ["u3", null, true, null],
    ]);
  });

  it("never flags a rater at the threshold or without gold", () => {
    const [atThreshold, noGold] = decorateRaters({ raters: [stats("a", 0.7), stats("b", null)], goldJudgments: { a: 10 }, identities: new Map(), goldThreshold: 0.7 });
    expect([atThreshold.isFlagged, noGold.isFlagged, noGold.goldJudgments]).toEqual([false, false, 0]);
  });
});

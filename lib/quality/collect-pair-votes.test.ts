import { describe, expect, it } from "vitest";
import type { TAgreementJudgment } from "@/lib/agreement";
import { collectPairVotes, votesOf } from "./collect-pair-votes";

const judgment = (unitId: string, value: number | null, extra: Partial<TAgreementJudgment> = {}): TAgreementJudgment => ({
  unitId, rater: "r", value, bothBad: false, aspects: {}, leftWon: null, activeSeconds: null, createdAt: new Date(0), ...extra,
});

describe("collectPairVotes", () => {
  it("counts the overall vote without both-bad judgments and aspect votes with them", () => {
    const table = collectPairVotes({
      aspectKeys: ["correctness"],
      judgments: [
        judgment("u1", -2, { aspects: { correctness: -1 } }),
        judgment("u2", null, { aspects: { correctness: 0 } }),
        judgment("u1", 0, { aspects: { correctness: null } }),
        judgment("u1", 3, { bothBad: true, aspects: { correctness: 2 } }),
      ],
    });
    expect(table.units).toEqual(["u1", "u2"]);
    expect(votesOf(table, 0)).toEqual({ first: 1, second: 0, ties: 1, aspects: { correctness: { first: 1, second: 1, ties: 0 } } });
    expect(table.sum[0]).toBe(-2);
    expect(votesOf(table, table.indexOf.get("u2")!)).toEqual({ first: 0, second: 0, ties: 0, aspects: { correctness: { first: 0, second: 0, ties: 1 } } });
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { TRubric } from "@/lib/projects/schemas";
import { validateJudgment } from "./validate-judgment";
import type { TJudgmentInput } from "./schemas";

const key = { idempotencyKey: "key-00000001" };

function rubric(scale: "pairwise7" | "likert5" | "binary", rationale: TRubric["rationale"] = "optional"): TRubric {
  return {
    version: 3,
    rationale,
    aspects: [
      { key: "correctness", label: "Correctness", description: "", scale, required: true },
      { key: "security", label: "Security", description: "", scale: scale === "pairwise7" ? "binary" : scale, required: false },
    ],
  };
}

// The thrown AppError, so each test can look at its code and the fields it names.
function errorOf(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected validateJudgment to throw");
}

const fields = (error: AppError) => (error.details ?? []).map((d) => d.field);
const pairwise = (input: Omit<TJudgmentInput, "idempotencyKey">, r = rubric("pairwise7")) => () => validateJudgment({ input: { ...key, ...input }, mode: "pairwise", rubric: r, slotCount: 2 });

describe("validateJudgment, pairwise", () => {
  it("accepts a preference with the required aspect", () => {
    expect(pairwise({ preference: -1, aspects: { correctness: -2 } })).not.toThrow();
  });

  it("accepts both-bad without preference or aspects", () => {
    expect(pairwise({ bothBad: true })).not.toThrow();
  });

  it("names preference and the required aspect when both are missing", () => {
    const error = errorOf(pairwise({}));
    expect(error.code).toBe("missing_field");
    expect(error.status).toBe(400);
    expect(fields(error)).toEqual(["preference", "aspects.correctness"]);
    expect(error.message).toContain("Correctness is required");
  });

  it("treats a null required aspect as missing", () => {
    expect(fields(errorOf(pairwise({ preference: 0, aspects: { correctness: null } })))).toEqual(["aspects.correctness"]);
  });

  it("rejects a binary aspect outside 0/±1", () => {
    const error = errorOf(pairwise({ preference: 1, aspects: { correctness: 1, security: 2 } }));
    expect(fields(error)).toEqual(["aspects.security"]);
    expect(error.details?.[0].message).toMatch(/0 or 1/);
  });

  it("rejects an aspect the rubric does not have", () => {
    const error = errorOf(pairwise({ preference: 1, aspects: { correctness: 1, vibes: 2 } }));
    expect(fields(error)).toEqual(["aspects.vibes"]);
    expect(error.details?.[0].message).toContain("rubric version 3");
  });

  it("requires a rationale when the rubric says so, ignoring whitespace", () => {
    const strict = rubric("pairwise7", "required");
    expect(fields(errorOf(pairwise({ preference: 1, aspects: { correctness: 1 } }, strict)))).toEqual(["rationale"]);
    expect(fields(errorOf(pairwise({ preference: 1, aspects: { correctness: 1 }, rationale: "   " }, strict)))).toEqual(["rationale"]);
    expect(pairwise({ preference: 1, aspects: { correctness: 1 }, rationale: "A handles empty input" }, strict)).not.toThrow();
  });

  it("names the comment whose slot or aspect is unknown", () => {
    const comments = [
      { slot: "A", lineStart: 1, lineEnd: 2, text: "fine" },
      { slot: "C", lineStart: 1, lineEnd: 1, text: "no such pane" },
      { slot: "B", lineStart: 3, lineEnd: 3, aspect: "vibes", text: "?" },
    ];
    const error = errorOf(pairwise({ preference: 1, aspects: { correctness: 1 }, comments }));
    expect(fields(error)).toEqual(["comments.1.slot", "comments.2.aspect"]);
  });
});

describe("validateJudgment, rating", () => {
  const rating = (input: Omit<TJudgmentInput, "idempotencyKey">, r = rubric("likert5")) => () => validateJudgment({ input: { ...key, ...input }, mode: "rating", rubric: r, slotCount: 1 });

  it("accepts Likert values for slot A", () => {
    expect(rating({ ratings: { A: { correctness: 5, security: 1 } } })).not.toThrow();
  });

  it("names a missing required rating", () => {
    const error = errorOf(rating({ ratings: { A: { security: 3 } } }));
    expect(fields(error)).toEqual(["ratings.A.correctness"]);
  });

  it("names a missing rating when no ratings are sent at all", () => {
    expect(fields(errorOf(rating({})))).toEqual(["ratings.A.correctness"]);
  });

  it("rejects 0 on a Likert scale and 2 on a binary one", () => {
    expect(fields(errorOf(rating({ ratings: { A: { correctness: 0 } } })))).toEqual(["ratings.A.correctness"]);
    expect(fields(errorOf(rating({ ratings: { A: { correctness: 2 } } }, rubric("binary"))))).toEqual(["ratings.A.correctness"]);
    expect(rating({ ratings: { A: { correctness: 0 } } }, rubric("binary"))).not.toThrow();
  });

  it("rejects a slot that the assignment does not have", () => {
    const error = errorOf(rating({ ratings: { A: { correctness: 4 }, B: { correctness: 4 } } }));
    expect(fields(error)).toEqual(["ratings.B"]);
  });
});

describe("validateJudgment, ranking", () => {
  const noAspects: TRubric = { version: 1, aspects: [], rationale: "optional" };
  const ranking = (input: Omit<TJudgmentInput, "idempotencyKey">, r = noAspects) => () => validateJudgment({ input: { ...key, ...input }, mode: "ranking", rubric: r, slotCount: 3 });

  it("accepts a permutation of the slots", () => {
    expect(ranking({ ranking: ["C", "A", "B"] })).not.toThrow();
  });

  it.each([
    ["missing", undefined],
    ["too short", ["A", "B"]],
    ["repeated", ["A", "A", "B"]],
    ["unknown slot", ["A", "B", "D"]],
  ])("names the ranking when it is %s", (_label, value) => {
    const error = errorOf(ranking({ ranking: value }));
    expect(fields(error)).toEqual(["ranking"]);
    expect(error.message).toContain("A, B, C");
  });

  it("does not ask for a preference", () => {
    expect(ranking({ ranking: ["A", "B", "C"] }, rubric("likert5"))).not.toThrow();
  });
});

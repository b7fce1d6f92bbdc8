import { randomUUID } from "node:crypto";
import type { TJudgmentInput } from "@/lib/assignment/schemas";

// A valid judgment for the default rubric of each mode (correctness is required in pairwise and rating).
export function pairwiseJudgment(preference: number, extra: Partial<TJudgmentInput> = {}): TJudgmentInput {
  return { idempotencyKey: randomUUID(), preference, aspects: { correctness: preference }, ...extra };
}

export function ratingJudgment(correctness: number, extra: Partial<TJudgmentInput> = {}): TJudgmentInput {
  return { idempotencyKey: randomUUID(), ratings: { A: { correctness } }, ...extra };
}

export function rankingJudgment(ranking: string[], extra: Partial<TJudgmentInput> = {}): TJudgmentInput {
  return { idempotencyKey: randomUUID(), ranking, ...extra };
}

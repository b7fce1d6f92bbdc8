import type { TAgreementJudgment } from "@/lib/agreement";

/** Judgments on gold pairs per rater (those with a known right or wrong answer). */
export function countGoldJudgments(judgments: ReadonlyArray<Pick<TAgreementJudgment, "rater" | "goldCorrect">>): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  for (const { rater, goldCorrect } of judgments) if (typeof goldCorrect === "boolean") counts[rater] = (counts[rater] ?? 0) + 1;
  return { ...counts };
}

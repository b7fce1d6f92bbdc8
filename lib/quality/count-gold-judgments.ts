import { FLAG_GOLD_KNOWN, type TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";
import type { TAgreementJudgment } from "@/lib/agreement";

/** Judgments on gold pairs per rater (those with a known right or wrong answer). */
export function countGoldJudgments(judgments: ReadonlyArray<Pick<TAgreementJudgment, "rater" | "goldCorrect">>): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  for (const { rater, goldCorrect } of judgments) if (typeof goldCorrect === "boolean") counts[rater] = (counts[rater] ?? 0) + 1;
  return { ...counts };
}

/** The same from the report's columns. */
export function countGoldJudgmentsInColumns(columns: TJudgmentColumns): Record<string, number> {
  const counts = new Float64Array(columns.raterIds.length);
  for (let j = 0; j < columns.count; j++) if (columns.flags[j] & FLAG_GOLD_KNOWN) counts[columns.raterOf[j]]++;
  const byRater: Record<string, number> = {};
  columns.raterIds.forEach((rater, r) => {
    if (counts[r] > 0) byRater[rater] = counts[r];
  });
  return byRater;
}

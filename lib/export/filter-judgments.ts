import type { TExportParams } from "./schemas";
import type { TExportJudgment } from "./types";

export type TJudgmentFilter = Pick<TExportParams, "from" | "to" | "rubricVersion" | "excludeFlagged" | "goldPassingOnly">;

/** Keeps the judgments the export's filters admit; `to` is an inclusive instant. */
export function filterJudgments({ judgments, filter }: { judgments: TExportJudgment[]; filter: TJudgmentFilter }): TExportJudgment[] {
  const fromMs = filter.from?.getTime();
  const toMs = filter.to?.getTime();
  return judgments.filter((j) => {
    if (filter.rubricVersion !== undefined && j.rubricVersion !== filter.rubricVersion) return false;
    if (filter.excludeFlagged && j.flagged === true) return false;
    if (filter.goldPassingOnly && j.raterPassesGold !== true) return false;
    if (fromMs !== undefined || toMs !== undefined) {
      const at = Date.parse(j.createdAt);
      if (fromMs !== undefined && !(at >= fromMs)) return false;
      if (toMs !== undefined && !(at <= toMs)) return false;
    }
    return true;
  });
}

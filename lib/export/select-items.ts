import { isInSplit } from "./assign-split";
import type { TExportSummary } from "./export-summary";
import { filterJudgments, type TJudgmentFilter } from "./filter-judgments";
import type { TExportSplit } from "./schemas";
import type { TExportItem, TExportJudgment, TRowSource } from "./types";

export type TItemSelection = TJudgmentFilter & { split: TExportSplit; testShare: number };
export type TSelectedItem = { item: TExportItem; judgments: TExportJudgment[] };

/** Items of the requested split, each with the judgments the filters admit; one item in memory at a time. */
export async function* selectItems({
  items,
  selection,
  summary,
}: {
  items: TRowSource<TExportItem>;
  selection: TItemSelection;
  summary?: TExportSummary;
}): AsyncGenerator<TSelectedItem> {
  for await (const item of items) {
    if (!isInSplit({ itemId: item.itemId, split: selection.split, testShare: selection.testShare })) continue;
    const judgments = filterJudgments({ judgments: item.judgments, filter: selection });
    if (summary) {
      summary.items++;
      summary.judgments += judgments.length;
      for (const j of judgments) summary.raters.add(j.rater);
    }
    yield { item, judgments };
  }
}

import { assignSplit } from "./assign-split";
import type { TExportRow, TRowSource } from "./types";

export type TSplitCounts = { train: number; test: number };

/** Passes rows through, counting each by the split of its prompt (rows of one prompt come together). */
export async function* countRowsBySplit({ rows, testShare, counts }: { rows: TRowSource<TExportRow>; testShare: number; counts: TSplitCounts }): AsyncGenerator<TExportRow> {
  let lastPrompt: unknown = undefined;
  let split: "train" | "test" = "train";
  for await (const row of rows) {
    if (row.prompt_id !== lastPrompt) {
      lastPrompt = row.prompt_id;
      split = assignSplit({ itemId: String(row.prompt_id), testShare });
    }
    counts[split]++;
    yield row;
  }
}

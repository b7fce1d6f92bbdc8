import type { TBuildRowsOptions } from "./build-options";
import { column, type TColumn } from "./columns";
import { selectItems } from "./select-items";
import type { TExportRow } from "./types";

const BASE_COLUMNS: TColumn[] = [
  column("prompt", "string", false, true),
  column("response", "string"),
  column("prompt_id", "string"),
  column("response_id", "string"),
  column("model", "string"),
  column("language", "string"),
  column("n_raters", "int"),
];

/** HelpSteer-style: one nullable DOUBLE column per rubric aspect, named by its key. */
export function ratingsColumns({ aspectKeys }: { aspectKeys: string[] }): TColumn[] {
  const taken = new Set(BASE_COLUMNS.map((c) => c.name));
  for (const key of aspectKeys) {
    if (taken.has(key)) throw new Error(`aspect key "${key}" collides with a ratings column`);
    taken.add(key);
  }
  return [...BASE_COLUMNS, ...aspectKeys.map((key) => column(key, "double", true))];
}

/** One row per rated response: the (rater-weighted) mean of each aspect over its rating judgments. */
export async function* buildRatingsRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, raterWeights, summary } = options;
  const aspectKeys = options.aspectKeys ?? [];
  ratingsColumns({ aspectKeys });
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    for (const response of item.responses) {
      const sums = new Map<string, { total: number; weight: number }>();
      const raters = new Set<string>();
      for (const j of judgments) {
        const rated = j.ratings?.[response.id];
        const weight = raterWeights?.get(j.rater) ?? 1;
        if (!rated || !(weight > 0)) continue;
        raters.add(j.rater);
        for (const [aspect, value] of Object.entries(rated)) {
          if (typeof value !== "number" || !Number.isFinite(value)) continue;
          const s = sums.get(aspect) ?? { total: 0, weight: 0 };
          s.total += weight * value;
          s.weight += weight;
          sums.set(aspect, s);
        }
      }
      if (raters.size === 0 || raters.size < params.minRaters) continue;
      const row: TExportRow = {
        prompt: item.prompt,
        response: response.content,
        prompt_id: item.itemId,
        response_id: response.id,
        model: response.model,
        language: item.language,
        n_raters: raters.size,
      };
      for (const key of aspectKeys) {
        const s = sums.get(key);
        row[key] = s && s.weight > 0 ? s.total / s.weight : null;
      }
      if (summary) summary.rows++;
      yield row;
    }
  }
}

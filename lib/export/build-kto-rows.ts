import { aggregatePairs, type TAggregatedPair } from "./aggregate-pairs";
import type { TBuildRowsOptions } from "./build-options";
import { column, MESSAGES, type TColumn } from "./columns";
import { recordPair } from "./export-summary";
import { formatCompletion, formatPrompt } from "./format-messages";
import type { TExportParams } from "./schemas";
import { selectItems } from "./select-items";
import type { TExportResponse, TExportRow } from "./types";

export function ktoColumns(params: Pick<TExportParams, "conversational">): TColumn[] {
  const text = params.conversational ? MESSAGES : "string";
  return [
    column("prompt", text, false, true),
    column("completion", text),
    column("label", "boolean"),
    column("prompt_id", "string"),
    column("pair_id", "string"),
    column("response_id", "string"),
    column("model", "string"),
    column("aspect", "string", true),
    column("language", "string"),
    column("outcome", "string"),
    column("n_raters", "int"),
    column("agreement", "double"),
  ];
}

/** Labelled (response, desirable?) rows for a pair: chosen/rejected, or both for ties and both-bad. */
function labelPair(pair: TAggregatedPair): Array<[TExportResponse, boolean]> {
  if (pair.outcome === "preference" && pair.chosen && pair.rejected) return [[pair.chosen, true], [pair.rejected, false]];
  if (pair.outcome === "tie") return [[pair.first, true], [pair.second, true]];
  if (pair.outcome === "both_bad") return [[pair.first, false], [pair.second, false]];
  return [];
}

/**
 * Unpaired rows for TRL's KTOTrainer. A kept pair gives chosen → true and rejected → false; a pair
 * agreed to be a tie gives two true rows (a tie that is not both-bad is read as "both good"), and
 * a pair agreed to be both bad gives two false rows.
 */
export async function* buildKtoRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, raterWeights, btScorer, summary } = options;
  const { conversational } = params;
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    const pairs = aggregatePairs({
      item,
      judgments,
      aggregation: params.aggregation,
      aspect: params.aspect,
      raterWeights,
      btScorer,
      minRaters: params.minRaters,
    });
    for (const pair of pairs) {
      recordPair(summary, pair);
      for (const [response, label] of labelPair(pair)) {
        if (summary) summary.rows++;
        yield {
          prompt: formatPrompt({ prompt: item.prompt, conversational }),
          completion: formatCompletion({ content: response.content, conversational }),
          label,
          prompt_id: item.itemId,
          pair_id: pair.pairId,
          response_id: response.id,
          model: response.model,
          aspect: params.aspect ?? null,
          language: item.language,
          outcome: pair.outcome,
          n_raters: pair.nRaters,
          agreement: pair.agreement,
        };
      }
    }
  }
}

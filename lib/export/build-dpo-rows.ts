import { aggregatePairs } from "./aggregate-pairs";
import type { TBuildRowsOptions } from "./build-options";
import { column, MESSAGES, type TColumn } from "./columns";
import { recordPair } from "./export-summary";
import { formatCompletion, formatExchange, formatPrompt } from "./format-messages";
import { effectiveMarginScheme, type TExportParams } from "./schemas";
import { selectItems } from "./select-items";
import type { TExportRow } from "./types";

type TDpoShape = Pick<TExportParams, "format" | "margin" | "conversational" | "implicitPrompt">;

function hasMargin(params: Pick<TExportParams, "format" | "margin">): boolean {
  return params.format === "reward" || effectiveMarginScheme(params) !== "none";
}

/** Columns of format=dpo and format=reward (reward always has a DOUBLE margin). */
export function dpoColumns(params: TDpoShape): TColumn[] {
  const text = params.conversational ? MESSAGES : "string";
  return [
    ...(params.implicitPrompt ? [] : [column("prompt", text, false, true)]),
    column("chosen", text),
    column("rejected", text),
    ...(hasMargin(params) ? [column("margin", "double")] : []),
    column("prompt_id", "string"),
    column("pair_id", "string"),
    column("aspect", "string", true),
    column("language", "string"),
    column("n_raters", "int"),
    column("agreement", "double"),
    column("strength_mean", "double"),
    column("chosen_id", "string"),
    column("rejected_id", "string"),
    column("chosen_model", "string"),
    column("rejected_model", "string"),
  ];
}

/** Preference pairs (TRL DPO / RewardTrainer, OpenRLHF): one row per kept pair. */
export async function* buildDpoRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, raterWeights, btScorer, summary } = options;
  const margin = effectiveMarginScheme(params);
  const withMargin = hasMargin(params);
  const { conversational, implicitPrompt } = params;
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    const pairs = aggregatePairs({
      item,
      judgments,
      aggregation: params.aggregation,
      margin,
      aspect: params.aspect,
      raterWeights,
      btScorer,
      minRaters: params.minRaters,
    });
    for (const pair of pairs) {
      recordPair(summary, pair);
      const { chosen, rejected } = pair;
      if (pair.outcome !== "preference" || !chosen || !rejected) continue;
      const row: TExportRow = {};
      if (implicitPrompt) {
        row.chosen = formatExchange({ prompt: item.prompt, content: chosen.content, conversational });
        row.rejected = formatExchange({ prompt: item.prompt, content: rejected.content, conversational });
      } else {
        row.prompt = formatPrompt({ prompt: item.prompt, conversational });
        row.chosen = formatCompletion({ content: chosen.content, conversational });
        row.rejected = formatCompletion({ content: rejected.content, conversational });
      }
      if (withMargin) row.margin = pair.margin;
      row.prompt_id = item.itemId;
      row.pair_id = pair.pairId;
      row.aspect = params.aspect ?? null;
      row.language = item.language;
      row.n_raters = pair.nRaters;
      row.agreement = pair.agreement;
      row.strength_mean = pair.strengthMean;
      row.chosen_id = chosen.id;
      row.rejected_id = rejected.id;
      row.chosen_model = chosen.model;
      row.rejected_model = rejected.model;
      if (summary) summary.rows++;
      yield row;
    }
  }
}

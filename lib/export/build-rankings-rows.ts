import type { TBuildRowsOptions } from "./build-options";
import { column, MESSAGES, type TColumn } from "./columns";
import { formatPrompt } from "./format-messages";
import { rankResponses } from "./rank-responses";
import type { TExportParams } from "./schemas";
import { selectItems } from "./select-items";
import type { TExportRow } from "./types";

export function rankingsColumns(params: Pick<TExportParams, "conversational">): TColumn[] {
  return [
    column("prompt", params.conversational ? MESSAGES : "string"),
    column("responses", { list: "string" }),
    column("response_ids", { list: "string" }),
    column("models", { list: "string" }),
    column("scores", { list: "double" }),
    column("win_shares", { list: "double" }),
    column("prompt_id", "string"),
    column("language", "string"),
    column("n_raters", "int"),
    column("n_judgments", "int"),
  ];
}

/** K-wise rows: every judged response of a prompt, best first by the aggregated ranking. */
export async function* buildRankingsRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, raterWeights, btScorer, summary } = options;
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    const raters = new Set(judgments.map((j) => j.rater));
    if (raters.size < params.minRaters) continue;
    const standings = rankResponses({ item, judgments, aggregation: params.aggregation, aspect: params.aspect, raterWeights, btScorer, minRaters: params.minRaters });
    if (standings.length < 2) continue;
    if (summary) summary.rows++;
    yield {
      prompt: formatPrompt({ prompt: item.prompt, conversational: params.conversational }),
      responses: standings.map((s) => s.response.content),
      response_ids: standings.map((s) => s.response.id),
      models: standings.map((s) => s.response.model),
      scores: standings.map((s) => s.score),
      win_shares: standings.map((s) => s.winShare),
      prompt_id: item.itemId,
      language: item.language,
      n_raters: raters.size,
      n_judgments: judgments.length,
    };
  }
}

import type { TBuildRowsOptions } from "./build-options";
import { column, MESSAGES, type TColumn } from "./columns";
import { formatCompletion, formatPrompt } from "./format-messages";
import { rankResponses, type TResponseStanding } from "./rank-responses";
import type { TExportParams } from "./schemas";
import { selectItems } from "./select-items";
import type { TExportRow } from "./types";

export function sftColumns(params: Pick<TExportParams, "conversational">): TColumn[] {
  const text = params.conversational ? MESSAGES : "string";
  return [
    column("prompt", text),
    column("completion", text),
    column("prompt_id", "string"),
    column("response_id", "string"),
    column("model", "string"),
    column("language", "string"),
    column("score", "double"),
    column("win_share", "double"),
    column("n_raters", "int"),
    column("tests_passed", "int", true),
    column("tests_total", "int", true),
  ];
}

/** Quality floor: wins at least `floor` of its votes, enough raters, and no known failing test. */
function isEligible(s: TResponseStanding, floor: number, minRaters: number): boolean {
  const { testsPassed, testsTotal } = s.response;
  const failsTests = typeof testsTotal === "number" && testsTotal > 0 && (testsPassed ?? 0) < testsTotal;
  return s.winShare >= floor && s.nRaters >= minRaters && !failsTests;
}

/** One row per prompt: the best-ranked response that clears the quality floor (prompt–completion form). */
export async function* buildSftRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, raterWeights, btScorer, summary } = options;
  const { conversational } = params;
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    const standings = rankResponses({ item, judgments, aggregation: params.aggregation, aspect: params.aspect, raterWeights, btScorer, minRaters: params.minRaters });
    const best = standings.find((s) => isEligible(s, params.sftFloor, params.minRaters));
    if (!best) continue;
    if (summary) summary.rows++;
    yield {
      prompt: formatPrompt({ prompt: item.prompt, conversational }),
      completion: formatCompletion({ content: best.response.content, conversational }),
      prompt_id: item.itemId,
      response_id: best.response.id,
      model: best.response.model,
      language: item.language,
      score: best.score,
      win_share: best.winShare,
      n_raters: best.nRaters,
      tests_passed: best.response.testsPassed ?? null,
      tests_total: best.response.testsTotal ?? null,
    };
  }
}

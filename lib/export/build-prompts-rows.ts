import type { TBuildRowsOptions } from "./build-options";
import { column, MESSAGES, type TColumn } from "./columns";
import { formatPrompt } from "./format-messages";
import type { TExportParams } from "./schemas";
import { selectItems } from "./select-items";
import type { TExportRow } from "./types";

export function promptsColumns(params: Pick<TExportParams, "conversational">): TColumn[] {
  return [
    column("prompt", params.conversational ? MESSAGES : "string"),
    column("prompt_id", "string"),
    column("language", "string"),
    column("tests", "string", true),
    column("n_responses", "int"),
    column("n_tested", "int"),
    column("pass_rate", "double", true),
    column("solve_rate", "double", true),
    column("n_judgments", "int"),
  ];
}

/**
 * Prompts for online RL (GRPO): pass_rate is the mean share of tests passed by the item's tested
 * responses, solve_rate the share of them passing every test; both null when nothing was tested.
 */
export async function* buildPromptsRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, summary } = options;
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    let tested = 0, passShare = 0, solved = 0;
    for (const r of item.responses) {
      if (typeof r.testsTotal !== "number" || r.testsTotal <= 0) continue;
      const passed = Math.min(r.testsPassed ?? 0, r.testsTotal);
      tested++;
      passShare += passed / r.testsTotal;
      if (passed === r.testsTotal) solved++;
    }
    if (summary) summary.rows++;
    yield {
      prompt: formatPrompt({ prompt: item.prompt, conversational: params.conversational }),
      prompt_id: item.itemId,
      language: item.language,
      tests: item.tests ?? null,
      n_responses: item.responses.length,
      n_tested: tested,
      pass_rate: tested ? passShare / tested : null,
      solve_rate: tested ? solved / tested : null,
      n_judgments: judgments.length,
    };
  }
}

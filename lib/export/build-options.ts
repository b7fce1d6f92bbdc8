import type { TExportSummary } from "./export-summary";
import type { TExportParams } from "./schemas";
import type { TBtScorer, TExportItem, TRowSource } from "./types";

/** What every row builder takes: items sorted by item, the parsed query, and the injected pieces. */
export type TBuildRowsOptions = {
  items: TRowSource<TExportItem>;
  params: TExportParams;
  /** Rater pseudonym → weight (weights=reliability); raters not in the map weigh 1. */
  raterWeights?: Map<string, number>;
  /** Per-prompt Bradley–Terry fit (lib/sampling); needed for aggregation=bt or margin=bt. */
  btScorer?: TBtScorer;
  /** Rubric aspect keys, fixing the aspect columns of ratings and raw rows. */
  aspectKeys?: string[];
  summary?: TExportSummary;
};

import { fitBradleyTerry } from "./fit-bradley-terry";
import type { Comparison } from "./types";

export type RankResponsesOptions = {
  responseIds: readonly string[];
  /** i and j index into responseIds; weights carry inverse propensity and rater reliability. */
  comparisons: readonly Comparison[];
  ridge?: number;
  /** Prior means on the logit scale, e.g. from modelPrior, so unjudged responses keep their prior order. */
  priorMean?: readonly number[];
};

export type RankedResponse = { responseId: string; rank: number; score: number; sd: number; judgments: number };

/** One item's responses ranked best first, with Bradley–Terry logit scores for the rankings endpoint. */
export function rankResponses(options: RankResponsesOptions): RankedResponse[] {
  const { responseIds, comparisons, ridge, priorMean } = options;
  if (responseIds.length === 0) return [];
  const fit = fitBradleyTerry({ count: responseIds.length, comparisons, ridge, priorMean });
  return responseIds
    .map((responseId, k) => ({ responseId, rank: 0, score: fit.scores[k], sd: fit.sd[k], judgments: fit.judgments[k] }))
    .sort((a, b) => b.score - a.score || a.responseId.localeCompare(b.responseId))
    .map((r, k) => ({ ...r, rank: k + 1 }));
}

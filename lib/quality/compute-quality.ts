import "server-only";
import { buildAgreementReport, type TAgreementReport } from "@/lib/agreement";
import { binActiveSeconds } from "./bin-active-seconds";
import { collectPairVotes, type TPairVoteTable } from "./collect-pair-votes";
import { countGoldJudgments } from "./count-gold-judgments";
import { loadAgreementJudgments } from "./load-agreement-judgments";
import type { TQualityProject } from "./load-quality-project";
import { loadSkipsByRater } from "./load-skips-by-rater";
import type { TBootstrapRequest, TQualityFilter } from "./schemas";
import type { TModelsVersusHumans, TSecondsHistogram } from "./types";

export type TModelComparison = Omit<TModelsVersusHumans, "filter" | "computedAt">;

/**
 * Everything the quality views need from the judgments themselves; what is cached. The model
 * comparison is computed on first request from the human votes kept here (the judgments
 * themselves are not kept: a million of them are hundreds of megabytes); once it is, the votes
 * are let go.
 */
export type TQualitySnapshot = {
  project: TQualityProject;
  report: TAgreementReport;
  goldJudgments: Record<string, number>;
  activeSeconds: TSecondsHistogram;
  votes: TPairVoteTable | null;
  models: Promise<TModelComparison> | null;
  computedAt: string;
};

/**
 * Reads the filtered judgments (and, on a second connection meanwhile, the skips) once and
 * derives the agreement report, gold counts, time histogram and per-pair human votes from them.
 */
export async function computeQuality(opts: { project: TQualityProject; filter: TQualityFilter; bootstrap: TBootstrapRequest }): Promise<TQualitySnapshot> {
  const { project, filter } = opts;
  const [judgments, skipsByRater] = await Promise.all([
    loadAgreementJudgments({ projectId: project.id, mode: project.mode, aspectScales: project.aspectScales, filter }),
    loadSkipsByRater({ projectId: project.id, filter }),
  ]);
  return {
    project,
    report: buildAgreementReport({ judgments, aspectScales: project.aspectScales, skipsByRater, bootstrap: opts.bootstrap ?? undefined }),
    goldJudgments: countGoldJudgments(judgments),
    activeSeconds: binActiveSeconds(judgments),
    // only pairwise units are pairs of responses that model scores can be compared on
    votes: project.mode === "pairwise" ? collectPairVotes({ judgments, aspectKeys: Object.keys(project.aspectScales) }) : null,
    models: null,
    computedAt: new Date().toISOString(),
  };
}

import "server-only";
import { buildAgreementReport, buildAgreementReportFromColumns, type TAgreementReport } from "@/lib/agreement";
import { binActiveSeconds, binActiveSecondsInColumns } from "./bin-active-seconds";
import { collectPairVotes, collectPairVotesFromColumns, type TPairVoteTable } from "./collect-pair-votes";
import { countGoldJudgments, countGoldJudgmentsInColumns } from "./count-gold-judgments";
import { loadAgreementJudgments } from "./load-agreement-judgments";
import { loadJudgmentColumns } from "./load-judgment-columns";
import type { TQualityProject } from "./load-quality-project";
import { loadSkipsByRater } from "./load-skips-by-rater";
import type { TBootstrapRequest, TQualityFilter } from "./schemas";
import type { TModelsVersusHumans, TSecondsHistogram } from "./types";

export type TModelComparison = Omit<TModelsVersusHumans, "filter" | "computedAt">;

/**
 * Everything the quality views need from the judgments themselves; what is cached. The model
 * comparison is computed on first request from the human votes kept here (the judgments
 * themselves are not kept as objects: a million of them are hundreds of megabytes), counted only
 * then, from the report's columns, so the report alone does not wait for them; once the
 * comparison is made, the votes are let go.
 */
export type TQualitySnapshot = {
  project: TQualityProject;
  report: TAgreementReport;
  goldJudgments: Record<string, number>;
  activeSeconds: TSecondsHistogram;
  votes: (() => TPairVoteTable) | null;
  models: Promise<TModelComparison> | null;
  computedAt: string;
};

type TJudgmentFacts = Pick<TQualitySnapshot, "report" | "goldJudgments" | "activeSeconds" | "votes">;

/**
 * Reads the filtered judgments (and, on another connection meanwhile, the skips) once and
 * derives the agreement report, gold counts, time histogram and per-pair human votes from them.
 * The judgments come as packed columns (loadJudgmentColumns); in the rare case that form cannot
 * carry them exactly, as judgment objects, which give the same report by the same statistics.
 */
export async function computeQuality(opts: { project: TQualityProject; filter: TQualityFilter; bootstrap: TBootstrapRequest }): Promise<TQualitySnapshot> {
  const { project, filter } = opts;
  const { id: projectId, mode, aspectScales } = project;
  const bootstrap = opts.bootstrap ?? undefined;
  // only pairwise units are pairs of responses that model scores can be compared on
  const isPairwise = mode === "pairwise";
  const [loaded, skipsByRater] = await Promise.all([loadJudgmentColumns({ projectId, mode, aspectScales, filter }), loadSkipsByRater({ projectId, filter })]);
  let facts: TJudgmentFacts;
  if (loaded) {
    const { columns, unitKeys } = loaded;
    facts = {
      report: buildAgreementReportFromColumns({ columns, aspectScales, skipsByRater, bootstrap }),
      goldJudgments: countGoldJudgmentsInColumns(columns),
      activeSeconds: binActiveSecondsInColumns(columns),
      votes: isPairwise ? () => collectPairVotesFromColumns({ columns, aspectScales, unitKeys }) : null,
    };
  } else {
    const judgments = await loadAgreementJudgments({ projectId, mode, aspectScales, filter });
    const votes = isPairwise ? collectPairVotes({ judgments, aspectKeys: Object.keys(aspectScales) }) : null;
    facts = {
      report: buildAgreementReport({ judgments, aspectScales, skipsByRater, bootstrap }),
      goldJudgments: countGoldJudgments(judgments),
      activeSeconds: binActiveSeconds(judgments),
      votes: votes && (() => votes),
    };
  }
  return { project, ...facts, models: null, computedAt: new Date().toISOString() };
}

import type { TAgreementReport, TRaterStats } from "@/lib/agreement";
import type { TInterval } from "@/lib/agreement";
import type { TProjectMode } from "./load-quality-project";

export type TQualityFilterView = { from: string | null; to: string | null; rubricVersion: number | null; bootstrap: boolean };

/** A rater on the staff dashboard: the report's numbers plus who it is and where they stand. */
export type TQualityRater = TRaterStats & {
  email: string | null;
  name: string | null;
  /** judgments on gold pairs in the filtered data; goldAccuracy is over these */
  goldJudgments: number;
  /** gold accuracy under the project's threshold, on at least MIN_GOLD_JUDGMENTS gold judgments */
  isFlagged: boolean;
  /** null when the rater is no longer a member */
  isPaused: boolean | null;
};

export type TSecondsHistogram = {
  /** bin i holds edges[i] ≤ seconds < edges[i + 1]; the last bin is open-ended */
  edges: number[];
  counts: number[];
  /** judgments without a recorded active time */
  untimed: number;
};

/** GET /api/v1/projects/{id}/agreement: API.md's agreement report, extended. */
export type TAgreementReportView = Omit<TAgreementReport, "raters"> & {
  raters: TQualityRater[];
  project: { id: string; mode: TProjectMode; goldThreshold: number; minGoldJudgments: number; rubricVersions: number[] };
  filter: TQualityFilterView;
  activeSeconds: TSecondsHistogram;
  computedAt: string;
};

export type TModelAccuracy = { pairs: number; agreements: number; accuracy: number | null; ci95: TInterval | null };

export type TScoreSetComparison = TModelAccuracy & {
  name: string;
  /** pairs where both responses carry this score but humans have no majority (tie) or the scores are equal */
  leftOut: number;
  aspects: Record<string, TModelAccuracy>;
};

export type TConfidentDisagreement = {
  scoreSet: string;
  unit: string;
  item: string;
  /** external ids in the pair's orientation: [first-listed, second-listed] */
  responses: [string, string];
  models: [string, string];
  /** score(second) − score(first): positive means the model prefers the second */
  scoreGap: number;
  /** mean canonical preference, −3..3 (negative: humans prefer the first) */
  humanMean: number;
  /** share of the pair's judgments on the humans' majority side */
  humanAgreement: number;
  judgments: number;
};

/** GET /api/v1/projects/{id}/quality/models */
export type TModelsVersusHumans = {
  mode: TProjectMode;
  pairsWithConsensus: number;
  scoreSets: TScoreSetComparison[];
  disagreements: TConfidentDisagreement[];
  /** how the disagreement list was cut: top share of |score gap|, minimum human agreement and judgments */
  disagreementRule: { topShare: number; minHumanAgreement: number; minJudgments: number; limit: number };
  filter: TQualityFilterView;
  computedAt: string;
};

export type TSideVotes = { first: number; second: number; ties: number };

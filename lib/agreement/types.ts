import type { TInterval } from "./bootstrap";

export type TAspectScale = "pairwise7" | "likert5" | "binary";

/** One judgment as the report needs it; the loader turns database rows into these. */
export type TAgreementJudgment = {
  /** the candidate pair (pairwise mode) or the response (rating mode) */
  unitId: string;
  rater: string;
  /** canonical pair orientation −3..3, negative = first-listed response better; null without an overall value */
  value: number | null;
  bothBad: boolean;
  /** canonical: −3..3 for pairwise7, 1..5 for likert5, 0/1 for binary */
  aspects: Record<string, number | null>;
  /** which slot won in display orientation, for position bias */
  leftWon: "left" | "right" | "tie" | null;
  activeSeconds: number | null;
  createdAt: Date;
  goldCorrect?: boolean | null;
  /** whether the longer response won; null for ties */
  longerWon?: boolean | null;
  skipped?: false;
};

export type TAgreementReportOptions = {
  judgments: ReadonlyArray<TAgreementJudgment>;
  aspectScales: Record<string, TAspectScale>;
  bootstrap?: { iterations: number; seed: number };
  skipsByRater?: Record<string, number>;
};

export type TAlphaTriple<T> = { nominal: T; ordinal: T; interval: T };

export type TAgreementIntervals = {
  percentAgreement: TInterval | null;
  krippendorffAlpha: TAlphaTriple<TInterval | null>;
  fleissKappa: TInterval | null;
  gwetAC1: TInterval | null;
};

export type TAgreementStats = {
  percentAgreement: number | null;
  krippendorffAlpha: TAlphaTriple<number | null>;
  fleissKappa: number | null;
  gwetAC1: number | null;
  ci95?: TAgreementIntervals;
};

export type TRaterStats = {
  rater: string;
  judgments: number;
  agreementWithOthers: number | null;
  goldAccuracy?: number | null;
  leftRate: number | null;
  medianSeconds: number | null;
  leftPValue: number | null;
  tieRate: number | null;
  bothBadRate: number | null;
  lengthBias: number | null;
  perDay: number | null;
  skipRate: number | null;
  reliability: number | null;
};

export type TAgreementReport = {
  judgments: number;
  units: number;
  overall: TAgreementStats;
  aspects: Record<string, TAgreementStats>;
  raters: TRaterStats[];
};

/** One response of an item as the exporter sees it; ids are the caller's external ids. */
export type TExportResponse = {
  id: string;
  model: string;
  content: string;
  position: number;
  testsPassed?: number | null;
  testsTotal?: number | null;
  scores?: Record<string, number> | null;
};

export type TExportComment = {
  slot: string;
  responseId: string;
  lineStart: number;
  lineEnd: number;
  aspect: string | null;
  text: string;
};

export type TExportJudgment = {
  judgmentId: string;
  /** A pseudonym already; the exporter never sees user ids. */
  rater: string;
  /** Response ids in the unit's canonical order: pairwise [first, second]; rating [one]; ranking all. */
  unitResponses: string[];
  /** Response ids in display order (slot A first). */
  slotOrder: string[];
  /** Canonical −3..3, negative = unitResponses[0] better. */
  preference: number | null;
  bothBad: boolean;
  /** Canonical per-aspect values (−3..3 for pairwise units). */
  aspects: Record<string, number | null>;
  /** Rating mode: response id → aspect → value. */
  ratings: Record<string, Record<string, number>> | null;
  /** Ranking mode: response ids, best first. */
  ranking: string[] | null;
  rationale: string | null;
  comments: TExportComment[];
  confidence: number | null;
  activeSeconds: number | null;
  rubricVersion: number;
  /** Probability that the sampler chose this unit; 1 when not chosen actively. */
  propensity: number;
  /** ISO timestamp. */
  createdAt: string;
  /** Optional: set by the loader when an admin flagged the judgment (excludeFlagged). */
  flagged?: boolean;
  /** Optional: whether the rater currently passes the gold checks (goldPassingOnly). */
  raterPassesGold?: boolean | null;
};

export type TExportItem = {
  /** The caller's external id. */
  itemId: string;
  prompt: string;
  language: string;
  responses: TExportResponse[];
  judgments: TExportJudgment[];
  /** Optional: test code or description, exported by format=prompts. */
  tests?: string | null;
};

/** One judged comparison from i's point of view (1 = i preferred, 0.5 = tie, 0 = j preferred). */
export type TExportComparison = { i: string; j: string; outcome: number; weight: number };

/** Bradley–Terry fit for one prompt, supplied by lib/sampling: response id → score (logit scale). */
export type TBtScorer = (comparisons: TExportComparison[]) => Map<string, number>;

export type TExportValue = string | number | boolean | null | TExportValue[] | { [key: string]: TExportValue };
export type TExportRow = Record<string, TExportValue>;

export type TRowSource<T> = AsyncIterable<T> | Iterable<T>;

import { z } from "zod";

export const ZRankingsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type TRankingsQuery = z.infer<typeof ZRankingsQuery>;

export const ZQueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export type TRankings = {
  items: Array<{ item: string; responses: Array<{ id: string; model: string; score: number; sd: number; judgments: number }> }>;
  models: Array<{ model: string; score: number; ci95: [number, number]; judgments: number }>;
};

export type TQueueEntry = {
  unitId: string;
  item: string;
  responses: [string, string];
  models: [string, string];
  priority: number;
  /** μ_A − μ_B on the serving scale, and each side's posterior sd. */
  gap: number;
  sigmaA: number;
  sigmaB: number;
  /** Posterior probability that the current order of the pair is wrong: Φ(−|gap|/√(σ_A² + σ_B²)). */
  misorderProbability: number;
  labelsOnPrompt: number;
  judgments: number;
  target: number;
  reason: string;
};

export type TQueue = {
  sampling: string;
  policy: { epsilon: number; reserveShare: number; goldRate: number; candidates: number; temperature: number };
  units: TQueueEntry[];
};

export type TConfidencePoint = { labels: number; meanCorrectOrderProbability: number; meanSd: number };

/**
 * The background refresh of an actively sampled project's priors and priorities: `pending` (asked
 * for, or interrupted: serving uses the previous priorities), `running`, `done`, `failed` (retried
 * by the next refit or server start), `none` (never needed). The counts are the last run's.
 */
export type TPriorsStatus = {
  status: "none" | "pending" | "running" | "done" | "failed";
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  seconds: number | null;
  items: number | null;
  responsesChanged: number | null;
  unitsRescored: number | null;
};

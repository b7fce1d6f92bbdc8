import { z } from "zod";

// Query strings arrive as strings: "" means "not given", and "0"/"false" must be false.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const zQuery = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZInstant = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), "an ISO date (2025-01-31) or date-time");

/**
 * The filters every quality view takes. `from` is inclusive; `to` is inclusive too: a bare date
 * means the whole of that UTC day, a date-time that instant.
 */
export const ZQualityQuery = z.object({
  from: zQuery(ZInstant.optional()),
  to: zQuery(ZInstant.optional()),
  rubricVersion: zQuery(z.coerce.number().int().positive().max(1_000_000).optional()),
  bootstrap: zQuery(z.enum(["0", "1", "true", "false"]).optional()),
  seed: zQuery(z.coerce.number().int().min(0).max(2 ** 31 - 1).optional()),
});
export type TQualityQuery = z.infer<typeof ZQualityQuery>;

/** What the loaders filter on: judgments with from ≤ created_at < before, of one rubric version. */
export type TQualityFilter = { from: Date | null; before: Date | null; rubricVersion: number | null };

export type TBootstrapRequest = { iterations: number; seed: number } | null;

export const DEFAULT_BOOTSTRAP_SEED = 20_240_601;
export const BOOTSTRAP_ITERATIONS = 1000;

const DAY_MS = 86_400_000;

export function toQualityFilter(query: TQualityQuery): TQualityFilter {
  const from = query.from ? new Date(query.from) : null;
  let before: Date | null = null;
  if (query.to) {
    const to = new Date(query.to);
    // timestamps are stored to the microsecond; a millisecond past `to` keeps `to` itself in
    before = new Date(to.getTime() + (DATE_ONLY.test(query.to) ? DAY_MS : 1));
  }
  return { from, before, rubricVersion: query.rubricVersion ?? null };
}

export function toBootstrapRequest(query: TQualityQuery): TBootstrapRequest {
  const isOn = query.bootstrap === "1" || query.bootstrap === "true";
  return isOn ? { iterations: BOOTSTRAP_ITERATIONS, seed: query.seed ?? DEFAULT_BOOTSTRAP_SEED } : null;
}

export const CSV_TABLES = ["overall", "raters", "models", "disagreements", "seconds"] as const;
export type TCsvTable = (typeof CSV_TABLES)[number];
export const ZQualityCsvQuery = ZQualityQuery.extend({ table: z.enum(CSV_TABLES) });

export const ZRaterPauseInput = z.object({ userId: z.string().min(1).max(100), paused: z.boolean() });
export type TRaterPauseInput = z.infer<typeof ZRaterPauseInput>;

/** responses.scores read back: named finite numbers; anything else is ignored, not trusted. */
export const ZStoredScores = z.record(z.string(), z.unknown()).transform((raw) => {
  const scores: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) if (typeof value === "number" && Number.isFinite(value)) scores[name] = value;
  return scores;
});

export function toFilterView(query: TQualityQuery): { from: string | null; to: string | null; rubricVersion: number | null; bootstrap: boolean } {
  return { from: query.from ?? null, to: query.to ?? null, rubricVersion: query.rubricVersion ?? null, bootstrap: toBootstrapRequest(query) !== null };
}

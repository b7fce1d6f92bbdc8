import type { TRaterStats } from "@/lib/agreement";
import type { TQualityRater } from "./types";

/** Fewer gold judgments than this say too little to flag anyone. */
export const MIN_GOLD_JUDGMENTS = 3;

export type TRaterIdentity = { email: string; name: string | null; isPaused: boolean | null };

/**
 * The report's raters with identity, gold count and standing. Flagged: gold accuracy under the
 * project's threshold on at least MIN_GOLD_JUDGMENTS gold judgments (in the filtered data, so
 * the flag matches the accuracy shown next to it). Ordered by e-mail.
 */
export function decorateRaters({
  raters,
  goldJudgments,
  identities,
  goldThreshold,
  minGoldJudgments = MIN_GOLD_JUDGMENTS,
}: {
  raters: ReadonlyArray<TRaterStats>;
  goldJudgments: Record<string, number>;
  identities: ReadonlyMap<string, TRaterIdentity>;
  goldThreshold: number;
  minGoldJudgments?: number;
}): TQualityRater[] {
  const decorated = raters.map((stats): TQualityRater => {
    const identity = identities.get(stats.rater);
    const gold = Object.hasOwn(goldJudgments, stats.rater) ? goldJudgments[stats.rater] : 0;
    const accuracy = stats.goldAccuracy ?? null;
    return {
      ...stats,
      email: identity?.email ?? null,
      name: identity?.name ?? null,
      goldJudgments: gold,
      isFlagged: accuracy !== null && gold >= minGoldJudgments && accuracy < goldThreshold,
      isPaused: identity?.isPaused ?? null,
    };
  });
  const sortKey = (r: TQualityRater) => r.email ?? `~${r.rater}`;
  return decorated.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

import { binomialTest } from "./binomial-test";
import { estimateRaterReliability } from "./estimate-rater-reliability";
import type { TGroupedLabels } from "./group-labels-by-unit";
import { measureAgreementWithOthers } from "./measure-agreement-with-others";
import { medianInPlace } from "./median-in-place";
import * as C from "./read-judgment-columns";
import type { TRaterStats } from "./types";

const TIE_LEVEL = 3; // 0 on the −3..3 scale

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function skipOnlyRater(rater: string, hasGold: boolean): TRaterStats {
  return {
    rater,
    judgments: 0,
    agreementWithOthers: null,
    ...(hasGold ? { goldAccuracy: null } : {}),
    leftRate: null,
    medianSeconds: null,
    leftPValue: null,
    tieRate: null,
    bothBadRate: null,
    lengthBias: null,
    perDay: null,
    skipRate: 1,
    reliability: null,
  };
}

/** Each rater's active seconds, laid out rater after rater. */
function groupSecondsByRater(columns: C.TJudgmentColumns): { start: Int32Array; seconds: Float64Array } {
  const { raterOf, flags, raterIds, activeSeconds } = columns;
  const timed = C.FLAG_TIMED;
  const start = new Int32Array(raterIds.length + 1);
  for (let j = 0; j < columns.count; j++) if (flags[j] & timed) start[raterOf[j] + 1]++;
  for (let r = 0; r < raterIds.length; r++) start[r + 1] += start[r];
  const seconds = new Float64Array(start[raterIds.length]);
  const next = start.slice(0, raterIds.length);
  for (let j = 0; j < columns.count; j++) if (flags[j] & timed) seconds[next[raterOf[j]]++] = activeSeconds[j];
  return { start, seconds };
}

/**
 * Per-rater quality numbers. `winners` holds the overall winner labels grouped by unit (both-bad
 * and value-less judgments left out): agreement with others and Dawid–Skene reliability use
 * only those. Active days are UTC calendar days. Tie rate counts judgments with an overall value
 * (both-bad ones excluded); left rate counts judgments where a slot won.
 */
export function summarizeRaters({
  columns,
  winners,
  categoryCount,
  skipsByRater,
}: {
  columns: C.TJudgmentColumns;
  winners: TGroupedLabels;
  categoryCount: number;
  skipsByRater?: Record<string, number>;
}): TRaterStats[] {
  const { raterIds, raterOf, flags, overallLevels, activeDays } = columns;
  const R = raterIds.length;
  // module bindings read once: compiled imports are getters, too slow for a million-row loop
  const { FLAG_LEFT_WON, FLAG_RIGHT_WON, FLAG_BOTH_BAD, FLAG_LENGTH_KNOWN, FLAG_LONGER_WON, FLAG_GOLD_KNOWN, FLAG_GOLD_RIGHT } = C;
  // counts per rater and flag byte, then per rater: the flags are random from judgment to
  // judgment, so testing each bit in the loop over judgments mispredicts branch after branch
  const byFlags = new Int32Array(R * 256);
  const [valued, ties] = [new Float64Array(R), new Float64Array(R)];
  for (let j = 0; j < columns.count; j++) {
    const r = raterOf[j];
    byFlags[r * 256 + flags[j]]++;
    valued[r] += overallLevels[j] >= 0 ? 1 : 0;
    ties[r] += overallLevels[j] === TIE_LEVEL ? 1 : 0;
  }
  const [total, left, right, bothBad, lengthKnown, longerWon, goldKnown, goldRight] = Array.from({ length: 8 }, () => new Float64Array(R));
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < 256; f++) {
      const n = byFlags[r * 256 + f];
      if (n === 0) continue;
      total[r] += n;
      if (f & FLAG_LEFT_WON) left[r] += n;
      if (f & FLAG_RIGHT_WON) right[r] += n;
      if (f & FLAG_BOTH_BAD) bothBad[r] += n;
      if (f & FLAG_LENGTH_KNOWN) lengthKnown[r] += n;
      if (f & FLAG_LONGER_WON) longerWon[r] += n;
      if (f & FLAG_GOLD_KNOWN) goldKnown[r] += n;
      if (f & FLAG_GOLD_RIGHT) goldRight[r] += n;
    }
  }
  const seconds = groupSecondsByRater(columns);

  const agreement = measureAgreementWithOthers({ grouped: winners, raterCount: R, categoryCount });
  const reliability = estimateRaterReliability({ grouped: winners, raterCount: R, categoryCount });
  const hasGold = goldKnown.some((n) => n > 0);
  // own keys only: a rater called "constructor" must not read Object.prototype
  const skipsOf = (rater: string): number => {
    const skips = skipsByRater && Object.hasOwn(skipsByRater, rater) ? skipsByRater[rater] : 0;
    return Number.isFinite(skips) && skips > 0 ? skips : 0;
  };

  const stats: TRaterStats[] = raterIds.map((rater, r) => ({
    rater,
    judgments: total[r],
    agreementWithOthers: agreement[r],
    ...(hasGold ? { goldAccuracy: share(goldRight[r], goldKnown[r]) } : {}),
    leftRate: share(left[r], left[r] + right[r]),
    medianSeconds: medianInPlace(seconds.seconds.subarray(seconds.start[r], seconds.start[r + 1])),
    leftPValue: binomialTest({ successes: left[r], trials: left[r] + right[r] }),
    tieRate: share(ties[r], valued[r]),
    bothBadRate: share(bothBad[r], total[r]),
    lengthBias: share(longerWon[r], lengthKnown[r]),
    perDay: share(total[r], activeDays[r]),
    skipRate: skipsByRater ? share(skipsOf(rater), skipsOf(rater) + total[r]) : null,
    reliability: reliability[r] ?? null,
  }));
  // a rater who only skipped still belongs on the quality table
  const known = new Set(raterIds);
  for (const rater of Object.keys(skipsByRater ?? {})) {
    if (!known.has(rater) && skipsOf(rater) > 0) stats.push(skipOnlyRater(rater, hasGold));
  }
  return stats.sort((a, b) => (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : 0));
}

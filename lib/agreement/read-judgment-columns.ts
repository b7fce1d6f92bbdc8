import { assignUnitIds } from "./assign-unit-ids";
import { levelOf, RATING_SCALES, type TRatingScale } from "./rating-scales";
import type { TAgreementJudgment, TAspectScale } from "./types";

export const FLAG_BOTH_BAD = 1;
export const FLAG_GOLD_KNOWN = 2;
export const FLAG_GOLD_RIGHT = 4;
export const FLAG_LENGTH_KNOWN = 8;
export const FLAG_LONGER_WON = 16;
export const FLAG_LEFT_WON = 32;
export const FLAG_RIGHT_WON = 64;
export const FLAG_TIMED = 128;

const DAY_MS = 86_400_000;

/**
 * The judgments as compact typed columns: what buildAgreementReportFromColumns reads. A million
 * judgment objects make every pass a pass of cache misses, so the objects are read once into the
 * smallest columns that serve the later steps; the database loader (lib/quality) builds these
 * columns directly, without objects.
 */
export type TJudgmentColumns = {
  count: number;
  unitCount: number;
  raterIds: string[];
  unitOf: Int32Array;
  raterOf: Int32Array;
  /** level of the overall value on the 7-point scale; −1 when missing, off the scale or both-bad */
  overallLevels: Int8Array;
  /** one column per aspect key, in the order given; −1 when missing or off the aspect's scale */
  aspectLevels: Int8Array[];
  /** FLAG_* bits */
  flags: Uint8Array;
  /** active seconds where FLAG_TIMED is set (anything there otherwise) */
  activeSeconds: Float64Array;
  /** distinct UTC days with a judgment, per rater */
  activeDays: number[];
};

export function readJudgmentColumns({
  judgments,
  aspectScales,
}: {
  judgments: ReadonlyArray<TAgreementJudgment>;
  aspectScales: Record<string, TAspectScale>;
}): TJudgmentColumns {
  const n = judgments.length;
  const aspectKeys = Object.keys(aspectScales);
  const scales: TRatingScale[] = aspectKeys.map((key) => RATING_SCALES[aspectScales[key]]);
  const overallScale = RATING_SCALES.pairwise7;
  // module bindings read once: compiled imports are getters, too slow for a million-row loop
  const toLevel = levelOf;
  const { unitOf, unitCount } = assignUnitIds(judgments);
  const raterOf = new Int32Array(n);
  const overallLevels = new Int8Array(n);
  const aspectLevels = aspectKeys.map(() => new Int8Array(n));
  const flagColumn = new Uint8Array(n);
  const secondsColumn = new Float64Array(n);
  const raterIds = new Map<string, number>();
  const days: Set<number>[] = [];
  const lastDay: number[] = [];
  for (let j = 0; j < n; j++) {
    const judgment = judgments[j];
    const { rater, leftWon, activeSeconds } = judgment;
    let r = raterIds.get(rater);
    if (r === undefined) {
      raterIds.set(rater, (r = raterIds.size));
      days.push(new Set());
      lastDay.push(Number.NaN);
    }
    raterOf[j] = r;
    overallLevels[j] = judgment.bothBad ? -1 : toLevel(overallScale, judgment.value);
    for (let a = 0; a < aspectKeys.length; a++) aspectLevels[a][j] = toLevel(scales[a], judgment.aspects[aspectKeys[a]]);
    let flags = judgment.bothBad ? FLAG_BOTH_BAD : 0;
    if (typeof judgment.goldCorrect === "boolean") flags |= judgment.goldCorrect ? FLAG_GOLD_KNOWN | FLAG_GOLD_RIGHT : FLAG_GOLD_KNOWN;
    if (typeof judgment.longerWon === "boolean") flags |= judgment.longerWon ? FLAG_LENGTH_KNOWN | FLAG_LONGER_WON : FLAG_LENGTH_KNOWN;
    if (leftWon === "left") flags |= FLAG_LEFT_WON;
    else if (leftWon === "right") flags |= FLAG_RIGHT_WON;
    if (activeSeconds !== null && Number.isFinite(activeSeconds)) {
      flags |= FLAG_TIMED;
      secondsColumn[j] = activeSeconds;
    }
    flagColumn[j] = flags;
    // a rater's judgments mostly come in time order: repeat days skip the Set
    const day = Math.floor(judgment.createdAt.getTime() / DAY_MS);
    if (day !== lastDay[r]) days[r].add((lastDay[r] = day));
  }
  return {
    count: n,
    unitCount,
    raterIds: [...raterIds.keys()],
    unitOf,
    raterOf,
    overallLevels,
    aspectLevels,
    flags: flagColumn,
    activeSeconds: secondsColumn,
    activeDays: days.map((set) => set.size),
  };
}

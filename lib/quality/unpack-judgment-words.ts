import * as C from "@/lib/agreement/read-judgment-columns";
import { PACKED } from "./packed-judgment-layout";

// The layout as plain numbers: these loops run a million times, often in code V8 has not
// optimised yet (a cold report runs them once), so they read no object properties. A record is
// four 32-bit words: the unit key's halves, then the packed word's high and low halves.
const STRIDE = PACKED.RECORD_WORDS;
const HIGH = 32;
const PREFERENCE_SHIFT = PACKED.PREFERENCE_SHIFT - HIGH;
const BOTH_BAD_SHIFT = PACKED.BOTH_BAD_SHIFT - HIGH;
const WINNER_SHIFT = PACKED.WINNER_SHIFT - HIGH;
const FROM_RATINGS_SHIFT = PACKED.FROM_RATINGS_SHIFT - HIGH;
const DAY_SHIFT = PACKED.DAY_SHIFT;
const MAX_DAY = PACKED.MAX_DAY;
const NO_TIME = PACKED.NO_TIME;
const IRREGULAR_TIME = PACKED.IRREGULAR_TIME;
const IRREGULAR = PACKED.IRREGULAR;
const NO_PREFERENCE = PACKED.NO_PREFERENCE;
const { FLAG_BOTH_BAD, FLAG_GOLD_KNOWN, FLAG_GOLD_RIGHT, FLAG_LENGTH_KNOWN, FLAG_LONGER_WON, FLAG_LEFT_WON, FLAG_RIGHT_WON, FLAG_TIMED } = C;
const GOLD_NONE = 3;

/** Adds the UTC days of `records` not yet `seen` to `days` (and marks them seen). */
export function collectActiveDays(records: Int32Array, seen: Uint8Array, days: number[]): void {
  for (let i = 2; i < records.length; i += STRIDE) {
    const day = ((records[i + 1] >>> DAY_SHIFT) | (records[i] << (HIGH - DAY_SHIFT))) & MAX_DAY;
    if (seen[day] === 0) {
      seen[day] = 1;
      days.push(day);
    }
  }
}

/**
 * Records' overall level, flags (gold and length read from the unit facts by slot) and active
 * seconds, written from index `at`. False when one is irregular.
 */
export function unpackOverall(o: {
  records: Int32Array;
  at: number;
  slotOf: Int32Array;
  gold: Uint8Array;
  longer: Uint8Array;
  overallLevels: Int8Array;
  flags: Uint8Array;
  activeSeconds: Float64Array;
}): boolean {
  const { records, at, slotOf, gold: goldOf, longer: longerOf, overallLevels, flags, activeSeconds } = o;
  for (let i = 2, j = at; i < records.length; i += STRIDE, j++) {
    const hi = records[i];
    const ms = records[i + 1] & NO_TIME;
    const preference = (hi >>> PREFERENCE_SHIFT) & 15;
    if (preference >= IRREGULAR || ms === IRREGULAR_TIME) return false;
    const isBothBad = ((hi >>> BOTH_BAD_SHIFT) & 1) === 1;
    const winner = (hi >>> WINNER_SHIFT) & 3;
    overallLevels[j] = isBothBad || preference === NO_PREFERENCE ? -1 : preference;
    let f = isBothBad ? FLAG_BOTH_BAD : 0;
    const isDecided = !isBothBad && preference !== NO_PREFERENCE;
    const sign = preference > 3 ? 1 : preference < 3 ? -1 : 0;
    const gold = goldOf[slotOf[j]];
    if (gold !== GOLD_NONE) f |= isDecided && sign === gold - 1 ? FLAG_GOLD_KNOWN | FLAG_GOLD_RIGHT : FLAG_GOLD_KNOWN;
    const longer = longerOf[slotOf[j]];
    if (isDecided && sign !== 0 && (longer === 0 || longer === 2)) f |= sign === longer - 1 ? FLAG_LENGTH_KNOWN | FLAG_LONGER_WON : FLAG_LENGTH_KNOWN;
    if (winner === 1) f |= FLAG_LEFT_WON;
    else if (winner === 3) f |= FLAG_RIGHT_WON;
    if (ms !== NO_TIME) {
      f |= FLAG_TIMED;
      activeSeconds[j] = ms / 1000;
    }
    flags[j] = f;
  }
  return true;
}

/** How many of `records` took their aspects from the ratings (PACKED.FROM_RATINGS_SHIFT). */
export function countFromRatings(records: Int32Array): number {
  let count = 0;
  for (let i = 2; i < records.length; i += STRIDE) count += (records[i] >>> FROM_RATINGS_SHIFT) & 1;
  return count;
}

/** Writes `level` from index `at` for each of `records` whose aspect source is `fromRatings`, −1 for the others. */
export function fillAspectLevel(records: Int32Array, fromRatings: number, level: number, levels: Int8Array, at: number): void {
  for (let i = 2, j = at; i < records.length; i += STRIDE, j++) levels[j] = ((records[i] >>> FROM_RATINGS_SHIFT) & 1) === fromRatings ? level : -1;
}

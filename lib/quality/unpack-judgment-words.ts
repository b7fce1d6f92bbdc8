import * as C from "@/lib/agreement/read-judgment-columns";
import { PACKED } from "./packed-judgment-layout";

// The layout as plain numbers: these loops run a million times, often in code V8 has not
// optimised yet (a cold report runs them once), so they read no object properties.
const HIGH = 32;
const PREFERENCE_SHIFT = PACKED.PREFERENCE_SHIFT - HIGH;
const BOTH_BAD_SHIFT = PACKED.BOTH_BAD_SHIFT - HIGH;
const WINNER_SHIFT = PACKED.WINNER_SHIFT - HIGH;
const DAY_SHIFT = PACKED.DAY_SHIFT;
const MAX_DAY = PACKED.MAX_DAY;
const NO_TIME = PACKED.NO_TIME;
const IRREGULAR_TIME = PACKED.IRREGULAR_TIME;
const IRREGULAR = PACKED.IRREGULAR;
const NO_PREFERENCE = PACKED.NO_PREFERENCE;
const ASPECT_MISSING = PACKED.ASPECT_MISSING;
const { FLAG_BOTH_BAD, FLAG_GOLD_KNOWN, FLAG_GOLD_RIGHT, FLAG_LENGTH_KNOWN, FLAG_LONGER_WON, FLAG_LEFT_WON, FLAG_RIGHT_WON, FLAG_TIMED } = C;
const GOLD_NONE = 3;

/** Distinct UTC days among one rater's judgments (word 0 of each). `seen` is all zero before and after. */
export function countActiveDays(word0: Int32Array, seen: Uint8Array): number {
  const days: number[] = [];
  for (let i = 0; i < word0.length; i += 2) {
    const day = ((word0[i + 1] >>> DAY_SHIFT) | (word0[i] << (HIGH - DAY_SHIFT))) & MAX_DAY;
    if (seen[day] === 0) {
      seen[day] = 1;
      days.push(day);
    }
  }
  for (const day of days) seen[day] = 0;
  return days.length;
}

/**
 * One rater's judgments from word 0, written from index `at`: the overall level, the flags (gold
 * and length read from the unit facts by slot) and the active seconds. False when one is irregular.
 */
export function unpackOverall(o: {
  word0: Int32Array;
  at: number;
  slotOf: Int32Array;
  gold: Uint8Array;
  longer: Uint8Array;
  overallLevels: Int8Array;
  flags: Uint8Array;
  activeSeconds: Float64Array;
}): boolean {
  const { word0, at, slotOf, gold: goldOf, longer: longerOf, overallLevels, flags, activeSeconds } = o;
  for (let i = 0, j = at; i < word0.length; i += 2, j++) {
    const hi = word0[i];
    const ms = word0[i + 1] & NO_TIME;
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

/**
 * One aspect of one rater's judgments, written from index `at`: its nibble sits in `column` at
 * `half` (0 high, 1 low) and `shift`. False when a value is irregular.
 */
export function unpackAspect(column: Int32Array, half: number, shift: number, scaleSize: number, levels: Int8Array, at: number): boolean {
  for (let i = half, j = at; i < column.length; i += 2, j++) {
    const nibble = (column[i] >>> shift) & 15;
    if (nibble < scaleSize) levels[j] = nibble;
    else if (nibble === ASPECT_MISSING) levels[j] = -1;
    else return false;
  }
  return true;
}

import type { TAspectScale } from "@/lib/agreement";
import { RATING_SCALES } from "@/lib/agreement/rating-scales";

/**
 * How loadJudgmentColumns packs a judgment into 64-bit words (built in SQL, read back in
 * decodePackedJudgments). Word 0:
 *   bits  0–26  active milliseconds (NO_TIME: none; IRREGULAR_TIME: outside what the API stores)
 *   bits 27–42  UTC day since 1970, modulo 2^16
 *   bits 43–46  canonical preference + 3 (NO_PREFERENCE: none; IRREGULAR: off the scale, which
 *               the API does not write: the caller falls back)
 *   bit  47     both-bad
 *   bits 48–49  displayed winner: 0 none, 1 left, 2 tie, 3 right
 *   bits 50–61  the first three aspects, a nibble each
 * Words 1, 2, …: fifteen more aspects each, a nibble each from bit 0. An aspect nibble is the
 * value's level on its scale, ASPECT_MISSING (null or absent), or ASPECT_IRREGULAR (anything the
 * API does not write: off-scale, fractional, not a number), which also means "fall back".
 */
export const PACKED = {
  NO_TIME: 2 ** 27 - 1,
  IRREGULAR_TIME: 2 ** 27 - 2,
  DAY_SHIFT: 27,
  MAX_DAY: 2 ** 16 - 1,
  PREFERENCE_SHIFT: 43,
  NO_PREFERENCE: 7,
  IRREGULAR: 8,
  BOTH_BAD_SHIFT: 47,
  WINNER_SHIFT: 48,
  FIRST_ASPECT_SHIFT: 50,
  ASPECTS_IN_FIRST_WORD: 3,
  ASPECTS_PER_WORD: 15,
  ASPECT_MISSING: 15,
  ASPECT_IRREGULAR: 14,
} as const;

/** Which 64-bit word of a judgment holds aspect `a`, and at which bit. */
export function aspectPosition(a: number): { word: number; shift: number } {
  if (a < PACKED.ASPECTS_IN_FIRST_WORD) return { word: 0, shift: PACKED.FIRST_ASPECT_SHIFT + 4 * a };
  const rest = a - PACKED.ASPECTS_IN_FIRST_WORD;
  return { word: 1 + Math.floor(rest / PACKED.ASPECTS_PER_WORD), shift: 4 * (rest % PACKED.ASPECTS_PER_WORD) };
}

export function wordCount(aspectCount: number): number {
  return aspectCount <= PACKED.ASPECTS_IN_FIRST_WORD ? 1 : 1 + aspectPosition(aspectCount - 1).word;
}

/** The scale's values as JSON renders them: the text `->>` gives for a stored integer. */
export function scaleTexts(scale: TAspectScale): string[] {
  return RATING_SCALES[scale].values.map((v) => String(v));
}

/**
 * How a judgment travels to the agreement report: judgments.report_record, a stored generated
 * column (prisma/migrations/20261129163000_report_records), 16 bytes big-endian, read back in
 * decodePackedJudgments as four 32-bit words: the unit key (hashtextextended of the unit id,
 * high half then low half), then one packed word (high half then low half) with
 *   bits  0–26  active milliseconds (NO_TIME: none; IRREGULAR_TIME: outside what the API stores)
 *   bits 27–42  UTC day since 1970, modulo 2^16
 *   bits 43–46  canonical preference + 3 (NO_PREFERENCE: none; IRREGULAR: off the scale, which
 *               the API does not write: the caller falls back)
 *   bit  47     both-bad
 *   bits 48–49  displayed winner: 0 none, 1 left, 2 tie, 3 right
 *   bit  50     the aspects (judgments.report_aspects) are the ratings, not the canonical aspects
 * The migration writes these numbers out: a change here needs a migration that rewrites the column.
 */
export const PACKED = {
  RECORD_WORDS: 4,
  NO_TIME: 2 ** 27 - 1,
  IRREGULAR_TIME: 2 ** 27 - 2,
  DAY_SHIFT: 27,
  MAX_DAY: 2 ** 16 - 1,
  PREFERENCE_SHIFT: 43,
  NO_PREFERENCE: 7,
  IRREGULAR: 8,
  BOTH_BAD_SHIFT: 47,
  WINNER_SHIFT: 48,
  FROM_RATINGS_SHIFT: 50,
} as const;

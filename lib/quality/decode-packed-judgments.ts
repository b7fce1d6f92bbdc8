import type { TAspectScale } from "@/lib/agreement";
import { RATING_SCALES } from "@/lib/agreement/rating-scales";
import * as C from "@/lib/agreement/read-judgment-columns";
import type { TUnitFacts } from "./build-unit-facts";
import { aspectPosition, PACKED, wordCount } from "./packed-judgment-layout";
import { numberUnitsByKey } from "./number-units-by-key";
import { orderRepeatJudgments } from "./order-repeat-judgments";
import { readBigEndianWords } from "./read-big-endian-words";

/** One row of buildPackedJudgmentsQuery: a rater's unit keys and packed words, 8 bytes a judgment each. */
export type TPackedRater = { rater: string; units: Buffer; words: Buffer[] };

export type TDecodedJudgments = {
  columns: C.TJudgmentColumns;
  /** each report unit's key (hashtextextended of its id), for matching units loaded apart */
  unitKeys: { hi: Int32Array; lo: Int32Array };
};

const GOLD_NONE = 3;

/**
 * The packed judgments as the report's columns: units numbered in key order, judgments rater by
 * rater (raters in id order), so a unit's labels come in rater order (and in level order for one
 * rater's repeats). What the report's order-sensitive steps read (unit order, each unit's labels)
 * thus depends on the data alone, not on the order parallel workers delivered rows in: equal data
 * gives bit-identical reports, and judgment objects sorted by unit key, rater and winner give the
 * same report through buildAgreementReport. Gold and length facts come from the unit facts,
 * matched by key. Null when a judgment is irregular (see PACKED) or names a unit missing from the
 * facts: the caller then takes the exact, slower path.
 */
export function decodePackedJudgments({
  raters,
  facts,
  aspectScales,
}: {
  raters: ReadonlyArray<TPackedRater>;
  facts: TUnitFacts;
  aspectScales: Record<string, TAspectScale>;
}): TDecodedJudgments | null {
  const sorted = [...raters].sort((a, b) => (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : 0));
  const aspectKeys = Object.keys(aspectScales);
  const scaleSizes = Int32Array.from(aspectKeys, (key) => RATING_SCALES[aspectScales[key]].values.length);
  const words = wordCount(aspectKeys.length);
  // per rater, two 32-bit entries per judgment in each column: [high half, low half]
  const keyColumns = sorted.map((r) => readBigEndianWords(r.units));
  const wordColumns = sorted.map((r) => r.words.slice(0, words).map((column) => readBigEndianWords(column)));
  if (wordColumns.some((columns, r) => columns.length !== words || columns.some((c) => c.length !== keyColumns[r].length))) {
    throw new Error("packed judgment columns differ in length");
  }
  const raterStart = new Int32Array(sorted.length + 1);
  keyColumns.forEach((keys, r) => (raterStart[r + 1] = raterStart[r] + keys.length / 2));
  const n = raterStart[sorted.length];
  const HIGH = 32;

  const { FLAG_BOTH_BAD, FLAG_GOLD_KNOWN, FLAG_GOLD_RIGHT, FLAG_LENGTH_KNOWN, FLAG_LONGER_WON, FLAG_LEFT_WON, FLAG_RIGHT_WON, FLAG_TIMED } = C;

  // judgments stay rater by rater, raters in id order: a unit's labels then come in rater order
  const raterOf = new Int32Array(n);
  const slotOf = new Int32Array(n);
  const activeDays: number[] = [];
  const seenDay = new Uint8Array(PACKED.MAX_DAY + 1);
  for (let r = 0; r < sorted.length; r++) {
    const keys = keyColumns[r];
    const word0 = wordColumns[r][0];
    const days: number[] = [];
    for (let i = 0, j = raterStart[r]; j < raterStart[r + 1]; i += 2, j++) {
      const slot = facts.table.find(keys[i], keys[i + 1]);
      if (slot < 0) return null;
      slotOf[j] = slot;
      raterOf[j] = r;
      const day = ((word0[i + 1] >>> PACKED.DAY_SHIFT) | (word0[i] << (HIGH - PACKED.DAY_SHIFT))) & PACKED.MAX_DAY;
      if (seenDay[day] === 0) {
        seenDay[day] = 1;
        days.push(day);
      }
    }
    for (const day of days) seenDay[day] = 0;
    activeDays.push(days.length);
  }
  const { unitOf, unitCount, unitSlots } = numberUnitsByKey({ slotOf, table: facts.table });

  const overallLevels = new Int8Array(n);
  const aspectLevels = aspectKeys.map(() => new Int8Array(n));
  const flags = new Uint8Array(n);
  const activeSeconds = new Float64Array(n);
  // per aspect: its word, which half (0 high, 1 low) and the shift within it
  const aspectWords = Int32Array.from(aspectKeys, (_, a) => aspectPosition(a).word);
  const aspectHalves = Int32Array.from(aspectKeys, (_, a) => (aspectPosition(a).shift >= HIGH ? 0 : 1));
  const aspectShifts = Int32Array.from(aspectKeys, (_, a) => aspectPosition(a).shift % HIGH);
  const { gold: goldOf, longer: longerOf } = facts;
  for (let r = 0; r < sorted.length; r++) {
    const columns = wordColumns[r];
    const word0 = columns[0];
    for (let i = 0, j = raterStart[r]; j < raterStart[r + 1]; i += 2, j++) {
      const hi = word0[i];
      const ms = word0[i + 1] & PACKED.NO_TIME;
      const preference = (hi >>> (PACKED.PREFERENCE_SHIFT - HIGH)) & 15;
      if (preference >= PACKED.IRREGULAR || ms === PACKED.IRREGULAR_TIME) return null;
      const isBothBad = ((hi >>> (PACKED.BOTH_BAD_SHIFT - HIGH)) & 1) === 1;
      const winner = (hi >>> (PACKED.WINNER_SHIFT - HIGH)) & 3;
      overallLevels[j] = isBothBad || preference === PACKED.NO_PREFERENCE ? -1 : preference;
      for (let a = 0; a < aspectShifts.length; a++) {
        const nibble = (columns[aspectWords[a]][i + aspectHalves[a]] >>> aspectShifts[a]) & 15;
        if (nibble < scaleSizes[a]) aspectLevels[a][j] = nibble;
        else if (nibble === PACKED.ASPECT_MISSING) aspectLevels[a][j] = -1;
        else return null;
      }
      let f = isBothBad ? FLAG_BOTH_BAD : 0;
      const isDecided = !isBothBad && preference !== PACKED.NO_PREFERENCE;
      const sign = Math.sign(preference - 3);
      const gold = goldOf[slotOf[j]];
      if (gold !== GOLD_NONE) f |= isDecided && sign === gold - 1 ? FLAG_GOLD_KNOWN | FLAG_GOLD_RIGHT : FLAG_GOLD_KNOWN;
      const longer = longerOf[slotOf[j]];
      if (isDecided && sign !== 0 && (longer === 0 || longer === 2)) f |= sign === longer - 1 ? FLAG_LENGTH_KNOWN | FLAG_LONGER_WON : FLAG_LENGTH_KNOWN;
      if (winner === 1) f |= FLAG_LEFT_WON;
      else if (winner === 3) f |= FLAG_RIGHT_WON;
      if (ms !== PACKED.NO_TIME) {
        f |= FLAG_TIMED;
        activeSeconds[j] = ms / 1000;
      }
      flags[j] = f;
    }
  }
  const columns: C.TJudgmentColumns = {
    count: n,
    unitCount,
    raterIds: sorted.map((r) => r.rater),
    unitOf,
    raterOf,
    overallLevels,
    aspectLevels,
    flags,
    activeSeconds,
    activeDays,
  };
  orderRepeatJudgments(columns, raterStart);
  return { columns, unitKeys: { hi: Int32Array.from(unitSlots, (s) => facts.table.hi[s]), lo: Int32Array.from(unitSlots, (s) => facts.table.lo[s]) } };
}

import type { TAspectScale } from "@/lib/agreement";
import { RATING_SCALES } from "@/lib/agreement/rating-scales";
import type { TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";
import type { TUnitFacts } from "./build-unit-facts";
import { aspectPosition, PACKED, wordCount } from "./packed-judgment-layout";
import { numberUnitsByKey } from "./number-units-by-key";
import { orderRepeatJudgments } from "./order-repeat-judgments";
import { readBigEndianWords } from "./read-big-endian-words";
import { countActiveDays, unpackAspect, unpackOverall } from "./unpack-judgment-words";

function keysOf(slots: Int32Array, hi: Int32Array, lo: Int32Array): { hi: Int32Array; lo: Int32Array } {
  const keys = { hi: new Int32Array(slots.length), lo: new Int32Array(slots.length) };
  for (let u = 0; u < slots.length; u++) {
    keys.hi[u] = hi[slots[u]];
    keys.lo[u] = lo[slots[u]];
  }
  return keys;
}

/** One row of buildPackedJudgmentsQuery: a rater's unit keys and packed words, 8 bytes a judgment each. */
export type TPackedRater = { rater: string; units: Buffer; words: Buffer[] };

export type TDecodedJudgments = {
  columns: TJudgmentColumns;
  /** each report unit's key (hashtextextended of its id), for matching units loaded apart */
  unitKeys: { hi: Int32Array; lo: Int32Array };
};

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
  const scaleSizes = aspectKeys.map((key) => RATING_SCALES[aspectScales[key]].values.length);
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

  // judgments stay rater by rater, raters in id order: a unit's labels then come in rater order
  const raterOf = new Int32Array(n);
  const slotOf = new Int32Array(n);
  const activeDays: number[] = [];
  const seenDay = new Uint8Array(PACKED.MAX_DAY + 1);
  for (let r = 0; r < sorted.length; r++) {
    if (!facts.table.findEach(keyColumns[r], slotOf, raterStart[r])) return null;
    raterOf.fill(r, raterStart[r], raterStart[r + 1]);
    activeDays.push(countActiveDays(wordColumns[r][0], seenDay));
  }
  const { unitOf, unitCount, unitSlots } = numberUnitsByKey({ slotOf, table: facts.table });

  const overallLevels = new Int8Array(n);
  const aspectLevels = aspectKeys.map(() => new Int8Array(n));
  const flags = new Uint8Array(n);
  const activeSeconds = new Float64Array(n);
  const { gold, longer } = facts;
  for (let r = 0; r < sorted.length; r++) {
    const at = raterStart[r];
    if (!unpackOverall({ word0: wordColumns[r][0], at, slotOf, gold, longer, overallLevels, flags, activeSeconds })) return null;
    for (let a = 0; a < aspectKeys.length; a++) {
      const { word, shift } = aspectPosition(a);
      if (!unpackAspect(wordColumns[r][word], shift >= 32 ? 0 : 1, shift % 32, scaleSizes[a], aspectLevels[a], at)) return null;
    }
  }
  const columns: TJudgmentColumns = {
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
  return { columns, unitKeys: keysOf(unitSlots, facts.table.hi, facts.table.lo) };
}

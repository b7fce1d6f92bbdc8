import type { TAspectScale } from "@/lib/agreement";
import { levelOf, RATING_SCALES } from "@/lib/agreement/rating-scales";
import type { TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";
import type { TUnitFacts } from "./build-unit-facts";
import type { TProjectMode } from "./load-quality-project";
import { numberUnitsByKey } from "./number-units-by-key";
import { orderRepeatJudgments } from "./order-repeat-judgments";
import { PACKED } from "./packed-judgment-layout";
import { readBigEndianWords } from "./read-big-endian-words";
import { collectActiveDays, countFromRatings, fillAspectLevel, unpackOverall } from "./unpack-judgment-words";

function keysOf(slots: Int32Array, hi: Int32Array, lo: Int32Array): { hi: Int32Array; lo: Int32Array } {
  const keys = { hi: new Int32Array(slots.length), lo: new Int32Array(slots.length) };
  for (let u = 0; u < slots.length; u++) {
    keys.hi[u] = hi[slots[u]];
    keys.lo[u] = lo[slots[u]];
  }
  return keys;
}

/** One row of buildPackedJudgmentsQuery: a rater's judgments with these aspect values (JSON text), as PACKED records. */
export type TPackedGroup = { rater: string; aspects: string | null; records: Buffer };

export type TDecodedJudgments = {
  columns: TJudgmentColumns;
  /** each report unit's key (hashtextextended of its id), for matching units loaded apart */
  unitKeys: { hi: Int32Array; lo: Int32Array };
};

/**
 * A group's level per aspect, or null when a value is one the API does not write (not a whole
 * number on the aspect's scale): the caller then falls back. Absent and null are −1.
 */
function aspectLevelsOf(text: string | null, aspectKeys: string[], aspectScales: Record<string, TAspectScale>): number[] | null {
  let stored: unknown = null;
  try {
    stored = text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
  const values = stored !== null && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const levels: number[] = [];
  for (const key of aspectKeys) {
    const value = Object.hasOwn(values, key) ? values[key] : null;
    const level = value === null ? -1 : typeof value === "number" ? levelOf(RATING_SCALES[aspectScales[key]], value) : -2;
    if (level === -2 || (level === -1 && value !== null)) return null;
    levels.push(level);
  }
  return levels;
}

const byRaterThenAspects = (a: TPackedGroup, b: TPackedGroup) =>
  a.rater !== b.rater ? (a.rater < b.rater ? -1 : 1) : a.aspects === b.aspects ? 0 : a.aspects === null ? -1 : b.aspects === null ? 1 : a.aspects < b.aspects ? -1 : 1;

/**
 * The packed judgments as the report's columns: units numbered in key order, judgments rater by
 * rater (raters in id order), so a unit's labels come in rater order (and in level order for one
 * rater's repeats). What the report's order-sensitive steps read (unit order, each unit's labels)
 * thus depends on the data alone, not on the order rows arrived in: equal data gives
 * bit-identical reports, and judgment objects sorted by unit key, rater and winner give the same
 * report through buildAgreementReport. Gold and length facts come from the unit facts, matched by
 * key. A rating project reads the ratings, the others the canonical aspects (PACKED). Null when a
 * judgment is irregular (see PACKED, aspectLevelsOf), holds aspects from the other source in a
 * pairwise project, or names a unit missing from the facts: the caller then takes the exact,
 * slower path.
 */
export function decodePackedJudgments({
  groups,
  facts,
  aspectScales,
  mode,
}: {
  groups: ReadonlyArray<TPackedGroup>;
  facts: TUnitFacts;
  aspectScales: Record<string, TAspectScale>;
  mode: TProjectMode;
}): TDecodedJudgments | null {
  const sorted = [...groups].sort(byRaterThenAspects);
  const aspectKeys = Object.keys(aspectScales);
  const records = sorted.map((g) => readBigEndianWords(g.records));
  if (records.some((r) => r.length % PACKED.RECORD_WORDS !== 0)) throw new Error("packed judgment records are not whole");
  const groupStart = new Int32Array(sorted.length + 1);
  records.forEach((r, g) => (groupStart[g + 1] = groupStart[g] + r.length / PACKED.RECORD_WORDS));
  const n = groupStart[sorted.length];

  // judgments stay rater by rater, raters in id order: a unit's labels then come in rater order
  const raterIds: string[] = [];
  const raterStarts: number[] = [];
  sorted.forEach((g, i) => {
    if (i > 0 && g.rater === sorted[i - 1].rater) return;
    raterIds.push(g.rater);
    raterStarts.push(i);
  });
  raterStarts.push(sorted.length);
  const raterStart = Int32Array.from(raterStarts, (g) => groupStart[g]);
  const raterOf = new Int32Array(n);
  const slotOf = new Int32Array(n);
  const activeDays: number[] = [];
  const seenDay = new Uint8Array(PACKED.MAX_DAY + 1);
  for (let r = 0; r < raterIds.length; r++) {
    const days: number[] = [];
    for (let g = raterStarts[r]; g < raterStarts[r + 1]; g++) {
      if (!facts.table.findEach(records[g], slotOf, groupStart[g], PACKED.RECORD_WORDS)) return null;
      collectActiveDays(records[g], seenDay, days);
    }
    for (const day of days) seenDay[day] = 0;
    activeDays.push(days.length);
    raterOf.fill(r, raterStart[r], raterStart[r + 1]);
  }
  const { unitOf, unitCount, unitSlots } = numberUnitsByKey({ slotOf, table: facts.table });

  const overallLevels = new Int8Array(n);
  const aspectLevels = aspectKeys.map(() => new Int8Array(n));
  const flags = new Uint8Array(n);
  const activeSeconds = new Float64Array(n);
  const { gold, longer } = facts;
  const fromRatings = mode === "rating" ? 1 : 0;
  for (let g = 0; g < sorted.length; g++) {
    const at = groupStart[g];
    if (!unpackOverall({ records: records[g], at, slotOf, gold, longer, overallLevels, flags, activeSeconds })) return null;
    if (aspectKeys.length === 0) continue;
    const matching = fromRatings ? countFromRatings(records[g]) : groupStart[g + 1] - at - countFromRatings(records[g]);
    // a rating judgment without ratings has no aspect values, as its ratings' lookup finds none
    if (fromRatings === 0 && matching < groupStart[g + 1] - at) return null;
    const levels = matching === 0 ? aspectKeys.map(() => -1) : aspectLevelsOf(sorted[g].aspects, aspectKeys, aspectScales);
    if (!levels) return null;
    for (let a = 0; a < aspectKeys.length; a++) {
      if (matching === groupStart[g + 1] - at) aspectLevels[a].fill(levels[a], at, groupStart[g + 1]);
      else fillAspectLevel(records[g], fromRatings, levels[a], aspectLevels[a], at);
    }
  }
  const columns: TJudgmentColumns = {
    count: n,
    unitCount,
    raterIds,
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

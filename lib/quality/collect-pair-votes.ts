import type { TAgreementJudgment, TAspectScale } from "@/lib/agreement";
import { RATING_SCALES } from "@/lib/agreement/rating-scales";
import type { TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";
import { createKeyTable } from "./key-table";
import type { TSideVotes } from "./types";

/** Votes per unit in columns: unit i is units[i], its overall votes first[i], second[i], ties[i]. */
export type TPairVoteTable = {
  indexOf: Map<string, number>;
  units: string[];
  first: Int32Array;
  second: Int32Array;
  ties: Int32Array;
  /** sum of the counted overall values, for the mean preference */
  sum: Float64Array;
  aspects: Record<string, { first: Int32Array; second: Int32Array; ties: Int32Array }>;
  /** row → unit key, when the rows were built from columns and are named on demand (nameVoteUnits) */
  unitKeys?: { hi: Int32Array; lo: Int32Array };
};

const columnsOf = (n: number) => ({ first: new Int32Array(n), second: new Int32Array(n), ties: new Int32Array(n) });

/**
 * Human votes per unit, in the pair's orientation. The overall vote leaves both-bad judgments
 * out, as the agreement report does; aspect votes keep them, since the annotator still compared
 * the aspect. Columns rather than an object per unit: a million judgments make a third of a
 * million units.
 */
export function collectPairVotes({ judgments, aspectKeys }: { judgments: ReadonlyArray<TAgreementJudgment>; aspectKeys: ReadonlyArray<string> }): TPairVoteTable {
  const indexOf = new Map<string, number>();
  const units: string[] = [];
  const unitOf = new Int32Array(judgments.length);
  for (let j = 0; j < judgments.length; j++) {
    const id = judgments[j].unitId;
    let u = indexOf.get(id);
    if (u === undefined) {
      indexOf.set(id, (u = units.length));
      units.push(id);
    }
    unitOf[j] = u;
  }
  const n = units.length;
  const table: TPairVoteTable = { indexOf, units, ...columnsOf(n), sum: new Float64Array(n), aspects: {} };
  for (const key of aspectKeys) table.aspects[key] = columnsOf(n);
  const aspectColumns = aspectKeys.map((key) => table.aspects[key]);
  for (let j = 0; j < judgments.length; j++) {
    const { value, bothBad, aspects } = judgments[j];
    const u = unitOf[j];
    if (!bothBad && value !== null) {
      if (value < 0) table.first[u]++;
      else if (value > 0) table.second[u]++;
      else table.ties[u]++;
      table.sum[u] += value;
    }
    for (let a = 0; a < aspectColumns.length; a++) {
      const v = aspects[aspectKeys[a]];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      const c = aspectColumns[a];
      if (v < 0) c.first[u]++;
      else if (v > 0) c.second[u]++;
      else c.ties[u]++;
    }
  }
  return table;
}

/** One unit's votes as plain objects. */
export function votesOf(table: TPairVoteTable, u: number): TSideVotes & { aspects: Record<string, TSideVotes> } {
  const aspects: Record<string, TSideVotes> = {};
  for (const [key, c] of Object.entries(table.aspects)) aspects[key] = { first: c.first[u], second: c.second[u], ties: c.ties[u] };
  return { first: table.first[u], second: table.second[u], ties: table.ties[u], aspects };
}

/**
 * The same votes from the report's columns (units numbered as there, values all on their scales:
 * the columns loader falls back to judgment objects otherwise). Units are named later, by key,
 * for the pairs a comparison scores (nameVoteUnits).
 */
export function collectPairVotesFromColumns({
  columns,
  aspectScales,
  unitKeys,
}: {
  columns: TJudgmentColumns;
  aspectScales: Record<string, TAspectScale>;
  unitKeys: { hi: Int32Array; lo: Int32Array };
}): TPairVoteTable {
  const n = columns.unitCount;
  const table: TPairVoteTable = { indexOf: new Map(), units: new Array<string>(n).fill(""), ...columnsOf(n), sum: new Float64Array(n), aspects: {}, unitKeys };
  const { unitOf, overallLevels } = columns;
  for (let j = 0; j < columns.count; j++) {
    const level = overallLevels[j];
    if (level < 0) continue;
    const u = unitOf[j];
    if (level < 3) table.first[u]++;
    else if (level > 3) table.second[u]++;
    else table.ties[u]++;
    table.sum[u] += level - 3;
  }
  Object.keys(aspectScales).forEach((key, a) => {
    const votes = (table.aspects[key] = columnsOf(n));
    const values = RATING_SCALES[aspectScales[key]].values;
    const levels = columns.aspectLevels[a];
    for (let j = 0; j < columns.count; j++) {
      if (levels[j] < 0) continue;
      const v = values[levels[j]];
      if (v < 0) votes.first[unitOf[j]]++;
      else if (v > 0) votes.second[unitOf[j]]++;
      else votes.ties[unitOf[j]]++;
    }
  });
  return table;
}

/** Names the vote rows of the given units (ids with their keys) in a table built from columns. */
export function nameVoteUnits(table: TPairVoteTable, pairs: { units: string[]; keyHi: Int32Array; keyLo: Int32Array }): void {
  if (!table.unitKeys) return;
  const { hi, lo } = table.unitKeys;
  const keys = createKeyTable(hi.length);
  for (let u = 0; u < hi.length; u++) keys.add(hi[u], lo[u]);
  pairs.units.forEach((id, p) => {
    const u = keys.find(pairs.keyHi[p], pairs.keyLo[p]);
    if (u < 0) return;
    table.indexOf.set(id, u);
    table.units[u] = id;
  });
}

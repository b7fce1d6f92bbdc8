import type { TAgreementJudgment } from "@/lib/agreement";
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
};

const columns = (n: number) => ({ first: new Int32Array(n), second: new Int32Array(n), ties: new Int32Array(n) });

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
  const table: TPairVoteTable = { indexOf, units, ...columns(n), sum: new Float64Array(n), aspects: {} };
  for (const key of aspectKeys) table.aspects[key] = columns(n);
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

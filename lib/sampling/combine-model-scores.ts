import { zScores } from "./model-prior";

/**
 * Several named score sets (say the members of a reward-model ensemble) as one model score per
 * response, for modelPrior: each set z-scored across the group, since every scorer has its own
 * arbitrary scale, then the z's a response has averaged (sets in name order). null for a response
 * without a usable score: none at all, or only sets that are constant or have a single value.
 */
export function combineModelScores(scores: ReadonlyArray<Readonly<Record<string, number>> | null>): Array<number | null> {
  const sets = new Map<string, { responses: number[]; values: number[] }>();
  scores.forEach((named, k) => {
    for (const [name, value] of Object.entries(named ?? {})) {
      const set = sets.get(name) ?? { responses: [], values: [] };
      set.responses.push(k);
      set.values.push(value);
      sets.set(name, set);
    }
  });
  const sum = new Array<number>(scores.length).fill(0);
  const count = new Array<number>(scores.length).fill(0);
  for (const name of [...sets.keys()].sort()) {
    const { responses, values } = sets.get(name)!;
    zScores(values).forEach((z, n) => {
      if (z === null) return;
      sum[responses[n]] += z;
      count[responses[n]]++;
    });
  }
  return sum.map((s, k) => (count[k] ? s / count[k] : null));
}

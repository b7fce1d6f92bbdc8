import { chanceCorrect } from "./fleiss-kappa";

export type TKappaWeights = "none" | "linear" | "quadratic";
export type TCohenKappa = { kappa: number | null; po: number | null; pe: number | null };

function agreementWeight(i: number, j: number, q: number, weights: TKappaWeights): number {
  if (weights === "none" || q < 2) return i === j ? 1 : 0;
  const distance = Math.abs(i - j) / (q - 1);
  return weights === "linear" ? 1 - distance : 1 - distance * distance;
}

/**
 * Cohen's κ from a q×q contingency table (rows: first rater, columns: second), optionally with
 * linear or quadratic agreement weights; categories are taken as ordered by index. po and pe
 * are the (weighted) observed and chance agreement.
 */
export function cohenKappa({
  table,
  weights = "none",
}: {
  table: ReadonlyArray<ReadonlyArray<number>>;
  weights?: TKappaWeights;
}): TCohenKappa {
  const q = table.length;
  const rowTotals = new Float64Array(q);
  const columnTotals = new Float64Array(q);
  let total = 0;
  for (let i = 0; i < q; i++) {
    if (table[i].length !== q) throw new RangeError(`contingency table must be ${q}×${q}`);
    for (let j = 0; j < q; j++) {
      const cell = table[i][j];
      if (!(cell >= 0)) throw new RangeError(`table cells must be non-negative, got ${cell}`);
      rowTotals[i] += cell;
      columnTotals[j] += cell;
      total += cell;
    }
  }
  if (total === 0) return { kappa: null, po: null, pe: null };
  let po = 0;
  let pe = 0;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const w = agreementWeight(i, j, q, weights);
      po += (w * table[i][j]) / total;
      pe += (w * rowTotals[i] * columnTotals[j]) / (total * total);
    }
  }
  return { kappa: chanceCorrect(po, pe), po, pe };
}

/** Counts paired ratings into a table over the categories (ascending values seen, by default). */
export function buildContingencyTable({
  first,
  second,
  categories,
}: {
  first: ReadonlyArray<number | null>;
  second: ReadonlyArray<number | null>;
  categories?: ReadonlyArray<number>;
}): { categories: number[]; table: number[][] } {
  if (first.length !== second.length) throw new RangeError("both raters need one entry per unit");
  const seen = [...first, ...second].filter((v): v is number => v !== null);
  const ordered = categories ? [...categories] : [...new Set(seen)].sort((a, b) => a - b);
  const indexOf = new Map(ordered.map((c, i) => [c, i]));
  const table = ordered.map(() => ordered.map(() => 0));
  for (let u = 0; u < first.length; u++) {
    const a = first[u];
    const b = second[u];
    if (a === null || b === null) continue;
    const i = indexOf.get(a);
    const j = indexOf.get(b);
    if (i === undefined || j === undefined) throw new RangeError(`rating ${i === undefined ? a : b} is not a listed category`);
    table[i][j]++;
  }
  return { categories: ordered, table };
}

/** Cohen's κ from two raters' ratings of the same units; units either rater missed are skipped. */
export function cohenKappaFromRatings({
  first,
  second,
  categories,
  weights,
}: {
  first: ReadonlyArray<number | null>;
  second: ReadonlyArray<number | null>;
  categories?: ReadonlyArray<number>;
  weights?: TKappaWeights;
}): TCohenKappa {
  return cohenKappa({ table: buildContingencyTable({ first, second, categories }).table, weights });
}

import type { TRatingScale } from "./rating-scales";

/** Scales up to this many levels have their units' counts packed into a key, two bits a level. */
export const MAX_PACKED_LEVELS = 7;
/** Packed counts are 0..3: a unit with a handful of ratings has one of a few hundred patterns. */
export const MAX_PACKED_COUNT = 3;

/**
 * What units add to createMeasurer's sums (measure-agreement.ts), one row per pattern of level
 * counts: the shares n_k / m (categoryCount per row), whether the unit is paired (m ≥ 2), its
 * share of agreeing pairs P_i and its coincidence cells with their values. Row 0 is scratch, for
 * the unit at hand when its counts do not pack; its cells sit first, before every other row's.
 */
export type TUnitTerms = {
  shares: Float64Array;
  isPaired: Uint8Array;
  agreement: Float64Array;
  cellStart: Int32Array;
  cellEnd: Int32Array;
  cells: Int32Array;
  values: Float64Array;
};

export type TUnitPatterns = {
  /** grows as rows are added: read again after add */
  terms: TUnitTerms;
  /** packed key → row, −1 until seen */
  rowOfKey: Int32Array;
  /** the row of the unit whose counts start at counts[offset], packed as `key`, added now */
  add(key: number, counts: ArrayLike<number>, offset: number): number;
  /** describes the unit as the scratch row 0; returns its number of ratings (0: nothing to add) */
  describeScratch(counts: ArrayLike<number>, offset: number): number;
};

function grow<A extends Float64Array | Int32Array | Uint8Array>(array: A, size: number): A {
  if (array.length >= size) return array;
  const wider = new (array.constructor as new (n: number) => A)(Math.max(size, 2 * array.length));
  wider.set(array);
  return wider;
}

/**
 * The terms of each distinct pattern of level counts, computed once per pattern with the
 * per-unit expressions on the same counts: adding a unit's row where a per-unit loop would add
 * its terms, unit after unit, gives bit-identical sums, since every sum still takes one addition
 * per unit in unit order (a term of 0 left out changes no sum).
 */
export function createUnitPatterns(scale: TRatingScale): TUnitPatterns {
  const { categoryOfLevel, categoryCount: q } = scale;
  const L = scale.values.length;
  const presentLevels = new Int32Array(L);
  const presentCounts = new Float64Array(L);
  const categories = new Float64Array(q);
  let rows = 1;
  const terms: TUnitTerms = {
    shares: new Float64Array(64 * q),
    isPaired: new Uint8Array(64),
    agreement: new Float64Array(64),
    cellStart: new Int32Array(64),
    cellEnd: new Int32Array(64),
    cells: new Int32Array(L * L + 256),
    values: new Float64Array(L * L + 256),
  };
  terms.cellStart[1] = L * L;

  /** Writes row p from its cellStart; returns the unit's number of ratings. */
  function describe(p: number, counts: ArrayLike<number>, offset: number): number {
    let m = 0;
    let present = 0;
    for (let l = 0; l < L; l++) {
      const c = counts[offset + l];
      if (c === 0) continue;
      presentLevels[present] = l;
      presentCounts[present++] = c;
      m += c;
    }
    categories.fill(0);
    for (let i = 0; i < present; i++) categories[categoryOfLevel[presentLevels[i]]] += presentCounts[i];
    let agreeingPairs = 0;
    for (let k = 0; k < q; k++) {
      terms.shares[p * q + k] = categories[k] / m;
      agreeingPairs += categories[k] * (categories[k] - 1);
    }
    terms.isPaired[p] = m >= 2 ? 1 : 0;
    terms.agreement[p] = m >= 2 ? agreeingPairs / (m * (m - 1)) : 0;
    let at = terms.cellStart[p];
    if (m >= 2) {
      const perPair = 1 / (m - 1);
      for (let a = 0; a < present; a++) {
        const la = presentLevels[a];
        const ca = presentCounts[a];
        terms.cells[at] = la * L + la;
        terms.values[at++] = ca * (ca - 1) * perPair;
        for (let b = a + 1; b < present; b++) {
          const o = ca * presentCounts[b] * perPair;
          terms.cells[at] = la * L + presentLevels[b];
          terms.values[at++] = o;
          terms.cells[at] = presentLevels[b] * L + la;
          terms.values[at++] = o;
        }
      }
    }
    terms.cellEnd[p] = at;
    return m;
  }

  const patterns: TUnitPatterns = {
    terms,
    rowOfKey: new Int32Array(L <= MAX_PACKED_LEVELS ? 1 << (2 * L) : 0).fill(-1),
    add(key, counts, offset) {
      const p = rows++;
      const cellsEnd = terms.cellStart[p] + L * L;
      terms.shares = grow(terms.shares, rows * q);
      terms.isPaired = grow(terms.isPaired, rows);
      terms.agreement = grow(terms.agreement, rows);
      terms.cellStart = grow(terms.cellStart, rows + 1);
      terms.cellEnd = grow(terms.cellEnd, rows);
      terms.cells = grow(terms.cells, cellsEnd);
      terms.values = grow(terms.values, cellsEnd);
      describe(p, counts, offset);
      terms.cellStart[p + 1] = terms.cellEnd[p];
      patterns.rowOfKey[key] = p;
      return p;
    },
    describeScratch: (counts, offset) => describe(0, counts, offset),
  };
  return patterns;
}

import { bootstrapCIs, type TInterval } from "./bootstrap";
import { fleissKappaFromSums } from "./fleiss-kappa";
import { gwetAC1FromSums } from "./gwet-ac1";
import { alphaFromCoincidences } from "./krippendorff-alpha";
import { percentAgreementFromSums } from "./percent-agreement";
import type { TLevelTable } from "./build-level-table";
import { createCategorySums, resetCategorySums, type TCategorySums } from "./sum-category-counts";
import type { TAgreementStats } from "./types";
import { createUnitPatterns, MAX_PACKED_COUNT, MAX_PACKED_LEVELS, type TUnitPatterns } from "./unit-patterns";

export type TMeasureBootstrap = { iterations: number; seed: number; sampleSize?: number };

type TStatVector = [number | null, number | null, number | null, number | null, number | null, number | null];

/**
 * Whether every count of the table fits the packed patterns (see createUnitPatterns). Wider
 * cells than bytes mean a count past 255; bytes are read four at a time.
 */
function isPackable({ scale, levelCounts }: TLevelTable): boolean {
  if (scale.values.length > MAX_PACKED_LEVELS || !(levelCounts instanceof Uint8Array)) return false;
  const { buffer, byteOffset, length } = levelCounts;
  const wordStart = Math.min(length, (4 - (byteOffset % 4)) % 4);
  const words = new Uint32Array(buffer, byteOffset + wordStart, (length - wordStart) >> 2);
  let all = 0;
  for (let i = 0; i < words.length; i++) all |= words[i];
  for (let i = 0; i < wordStart; i++) all |= levelCounts[i];
  for (let i = wordStart + 4 * words.length; i < length; i++) all |= levelCounts[i];
  // a byte holds 0..MAX_PACKED_COUNT when its bits above the lowest two are clear
  return (all & ~(MAX_PACKED_COUNT * 0x01010101)) === 0;
}

type TMeasureState = {
  levelCounts: TLevelTable["levelCounts"];
  L: number;
  q: number;
  /** the last offset the straight-line read may start at; −1 when the table's counts do not pack */
  packedEnd: number;
  keyMask: number;
  patterns: TUnitPatterns;
  sums: TCategorySums;
  matrix: Float64Array;
};

/**
 * Adds the units' terms to the sums and the coincidence matrix: each unit adds the terms of its
 * pattern of level counts, computed once per pattern (createUnitPatterns). A unit's counts are
 * read as one packed key, straight-line, when the whole table's counts pack (a unit with a
 * handful of ratings): seven reads whatever the scale, the levels past the unit's own masked
 * off. A module-level function, not a closure per table, so its optimised code serves every
 * table and every report.
 */
function addUnitTerms(state: TMeasureState, units: ArrayLike<number> | null, count: number): void {
  const { levelCounts: c, L, q, packedEnd, keyMask, patterns, sums, matrix } = state;
  const { rowOfKey } = patterns;
  const { shareSums } = sums;
  let { shares, isPaired, agreement, cellStart, cellEnd, cells, values } = patterns.terms;
  for (let i = 0; i < count; i++) {
    const o = (units === null ? i : units[i]) * L;
    let p: number;
    if (o <= packedEnd) {
      const key = (c[o] | (c[o + 1] << 2) | (c[o + 2] << 4) | (c[o + 3] << 6) | (c[o + 4] << 8) | (c[o + 5] << 10) | (c[o + 6] << 12)) & keyMask;
      if (key === 0) continue;
      p = rowOfKey[key];
      if (p < 0) {
        p = patterns.add(key, c, o);
        ({ shares, isPaired, agreement, cellStart, cellEnd, cells, values } = patterns.terms);
      }
    } else {
      if (patterns.describeScratch(c, o) === 0) continue;
      p = 0;
    }
    sums.ratedUnits++;
    for (let k = 0; k < q; k++) shareSums[k] += shares[p * q + k];
    if (isPaired[p] === 0) continue;
    sums.pairedUnits++;
    sums.agreementSum += agreement[p];
    for (let at = cellStart[p]; at < cellEnd[p]; at++) matrix[cells[at]] += values[at];
  }
}

/**
 * Returns a function computing [p_a, α nominal, α ordinal, α interval, κ, AC1] over a list of
 * units (null for all). It is the report's hot loop (the point estimate and every bootstrap
 * resample): each unit is read once (addUnitTerms) and buffers are allocated once. It builds the
 * sums that sumCategoryCounts and buildCoincidenceMatrix define, and the same *FromSums and
 * alphaFromCoincidences formulas finish the job (measure-agreement.test.ts checks both routes agree).
 */
function createMeasurer(table: TLevelTable): (units: ArrayLike<number> | null) => TStatVector {
  const { scale, levelCounts, unitCount } = table;
  const L = scale.values.length;
  const { categoryCount: q, values } = scale;
  const state: TMeasureState = {
    levelCounts,
    L,
    q,
    packedEnd: isPackable(table) ? levelCounts.length - MAX_PACKED_LEVELS : -1,
    keyMask: (1 << (2 * Math.min(L, MAX_PACKED_LEVELS))) - 1,
    patterns: createUnitPatterns(scale),
    sums: createCategorySums(q),
    matrix: new Float64Array(L * L),
  };
  const { sums, matrix } = state;
  return (units) => {
    resetCategorySums(sums);
    matrix.fill(0);
    // null: every unit, in order (units without ratings add nothing)
    addUnitTerms(state, units, units === null ? unitCount : units.length);
    return [
      percentAgreementFromSums(sums),
      alphaFromCoincidences({ values, matrix, level: "nominal" }),
      alphaFromCoincidences({ values, matrix, level: "ordinal" }),
      alphaFromCoincidences({ values, matrix, level: "interval" }),
      fleissKappaFromSums(sums).kappa,
      gwetAC1FromSums(sums).ac1,
    ];
  };
}

function ratedUnits({ unitCount, levelCounts, scale }: TLevelTable): Int32Array {
  const L = scale.values.length;
  const isRated = (u: number): boolean => {
    for (let l = 0; l < L; l++) if (levelCounts[u * L + l] > 0) return true;
    return false;
  };
  let count = 0;
  for (let u = 0; u < unitCount; u++) if (isRated(u)) count++;
  const units = new Int32Array(count);
  for (let u = 0, i = 0; u < unitCount; u++) if (isRated(u)) units[i++] = u;
  return units;
}

/**
 * Every agreement statistic of one target, with bootstrap intervals when asked. Resampling
 * draws from the units that have a rating in this target, so an aspect rated on few units is
 * not diluted by empty ones.
 */
export function measureAgreement({ table, bootstrap }: { table: TLevelTable; bootstrap?: TMeasureBootstrap }): TAgreementStats {
  const measure = createMeasurer(table);
  const pointEstimates = measure(null);
  const [percent, nominal, ordinal, interval, kappa, ac1] = pointEstimates;
  const stats: TAgreementStats = {
    percentAgreement: percent,
    krippendorffAlpha: { nominal, ordinal, interval },
    fleissKappa: kappa,
    gwetAC1: ac1,
  };
  if (bootstrap) {
    const intervals = bootstrapCIs({ units: ratedUnits(table), statistic: measure, pointEstimates, ...bootstrap });
    const at = (i: number): TInterval | null => intervals[i] ?? null;
    stats.ci95 = {
      percentAgreement: at(0),
      krippendorffAlpha: { nominal: at(1), ordinal: at(2), interval: at(3) },
      fleissKappa: at(4),
      gwetAC1: at(5),
    };
  }
  return stats;
}

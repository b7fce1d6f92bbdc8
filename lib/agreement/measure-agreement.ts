import { bootstrapCIs, type TInterval } from "./bootstrap";
import { fleissKappaFromSums } from "./fleiss-kappa";
import { gwetAC1FromSums } from "./gwet-ac1";
import { alphaFromCoincidences } from "./krippendorff-alpha";
import { percentAgreementFromSums } from "./percent-agreement";
import type { TLevelTable } from "./build-level-table";
import { createCategorySums, resetCategorySums } from "./sum-category-counts";
import type { TAgreementStats } from "./types";

export type TMeasureBootstrap = { iterations: number; seed: number; sampleSize?: number };

type TStatVector = [number | null, number | null, number | null, number | null, number | null, number | null];

/**
 * Returns a function computing [p_a, α nominal, α ordinal, α interval, κ, AC1] over a list of
 * units (null for all). It is the report's hot loop (the point estimate and every bootstrap
 * resample), so each unit is read once, only its non-zero levels are paired and buffers are
 * allocated once. It builds the sums that sumCategoryCounts and buildCoincidenceMatrix define,
 * and the same *FromSums and alphaFromCoincidences formulas finish the job
 * (measure-agreement.test.ts checks both routes agree).
 */
function createMeasurer({ scale, levelCounts, unitCount }: TLevelTable): (units: ArrayLike<number> | null) => TStatVector {
  const L = scale.values.length;
  const { categoryOfLevel, categoryCount: q, values } = scale;
  const sums = createCategorySums(q);
  const { shareSums } = sums;
  const matrix = new Float64Array(L * L);
  const categories = new Float64Array(q);
  const presentLevels = new Int32Array(L);
  const presentCounts = new Float64Array(L);
  return (units) => {
    resetCategorySums(sums);
    matrix.fill(0);
    // null: every unit, in order (units without ratings add nothing)
    const count = units === null ? unitCount : units.length;
    for (let i = 0; i < count; i++) {
      const offset = (units === null ? i : units[i]) * L;
      let m = 0;
      let present = 0;
      for (let l = 0; l < L; l++) {
        const c = levelCounts[offset + l];
        if (c === 0) continue;
        presentLevels[present] = l;
        presentCounts[present++] = c;
        m += c;
      }
      if (m === 0) continue;
      for (let k = 0; k < q; k++) categories[k] = 0;
      for (let p = 0; p < present; p++) categories[categoryOfLevel[presentLevels[p]]] += presentCounts[p];
      sums.ratedUnits++;
      let agreeingPairs = 0;
      for (let k = 0; k < q; k++) {
        shareSums[k] += categories[k] / m;
        agreeingPairs += categories[k] * (categories[k] - 1);
      }
      if (m < 2) continue;
      sums.pairedUnits++;
      sums.agreementSum += agreeingPairs / (m * (m - 1));
      const perPair = 1 / (m - 1);
      for (let a = 0; a < present; a++) {
        const la = presentLevels[a];
        const ca = presentCounts[a];
        matrix[la * L + la] += ca * (ca - 1) * perPair;
        for (let b = a + 1; b < present; b++) {
          const o = ca * presentCounts[b] * perPair;
          matrix[la * L + presentLevels[b]] += o;
          matrix[presentLevels[b] * L + la] += o;
        }
      }
    }
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

import { buildLevelTable } from "./build-level-table";
import { groupLabelsByUnit } from "./group-labels-by-unit";
import { measureAgreement, type TMeasureBootstrap } from "./measure-agreement";
import { RATING_SCALES } from "./rating-scales";
import { readJudgmentColumns, type TJudgmentColumns } from "./read-judgment-columns";
import { summarizeRaters } from "./summarize-raters";
import type { TAgreementReport, TAgreementReportOptions, TAgreementStats } from "./types";

export type {
  TAgreementJudgment,
  TAgreementReport,
  TAgreementReportOptions,
  TAgreementStats,
  TAspectScale,
  TRaterStats,
} from "./types";

// Bootstrap cost is iterations × targets × units drawn. Past this many unit draws per report the
// intervals are computed m-out-of-n (see bootstrapCIs): resamples of fewer units whose spread is
// rescaled to the full data, which keeps a million-judgment report near a second. With 1000
// iterations and four targets (overall and three aspects) that is 300 units per resample.
const BOOTSTRAP_UNIT_DRAWS = 1_200_000;
// below a few hundred units per resample the √(m/n) rescaling is no longer a fair approximation
const MIN_BOOTSTRAP_UNITS = 200;

function bootstrapPlan(options: Pick<TAgreementReportOptions, "bootstrap">, targets: number, unitCount: number): TMeasureBootstrap | undefined {
  if (!options.bootstrap) return undefined;
  const { iterations, seed } = options.bootstrap;
  const affordable = Math.floor(BOOTSTRAP_UNIT_DRAWS / (Math.max(1, iterations) * targets));
  return { iterations, seed, sampleSize: Math.min(unitCount, Math.max(MIN_BOOTSTRAP_UNITS, affordable)) };
}

/** Each judgment's winner category (first, tie, second), −1 without an overall level. */
function winnerLabelsOf(levels: Int8Array, categoryOfLevel: Int32Array): Int8Array {
  const labels = new Int8Array(levels.length);
  for (let j = 0; j < levels.length; j++) labels[j] = levels[j] < 0 ? -1 : categoryOfLevel[levels[j]];
  return labels;
}

/**
 * The project's agreement report from plain judgments (API.md, "Agreement report").
 * overall: α on the 7-point value, p_a / Fleiss' κ / AC1 on the winner (first, tie, second),
 * both-bad judgments left out. Aspects use their own scale and keep both-bad judgments: the
 * annotator still rated the aspect. Values off their scale count as missing.
 */
export function buildAgreementReport(options: TAgreementReportOptions): TAgreementReport {
  const { judgments, aspectScales, ...rest } = options;
  return buildAgreementReportFromColumns({ columns: readJudgmentColumns({ judgments, aspectScales }), aspectScales, ...rest });
}

/**
 * The same report from judgments already laid out as columns (readJudgmentColumns, or the
 * database loader that builds them without objects). Units are measured in unitOf's numbering
 * and labels of a unit in column order: the Dawid–Skene subsample and the floating-point sums
 * follow that order, so equal columns in equal order give bit-identical reports.
 */
export function buildAgreementReportFromColumns(options: Omit<TAgreementReportOptions, "judgments"> & { columns: TJudgmentColumns }): TAgreementReport {
  const { columns, aspectScales, skipsByRater } = options;
  const { unitOf, unitCount, raterOf } = columns;
  const aspectKeys = Object.keys(aspectScales);
  const plan = bootstrapPlan(options, 1 + aspectKeys.length, unitCount);

  const winnerScale = RATING_SCALES.pairwise7;
  const overallTable = buildLevelTable({ levels: columns.overallLevels, unitOf, unitCount, scale: winnerScale });
  const overall = measureAgreement({ table: overallTable, bootstrap: plan });
  const aspects: Record<string, TAgreementStats> = {};
  aspectKeys.forEach((key, a) => {
    const table = buildLevelTable({ levels: columns.aspectLevels[a], unitOf, unitCount, scale: RATING_SCALES[aspectScales[key]] });
    aspects[key] = measureAgreement({ table, bootstrap: plan });
  });

  const winnerLabels = winnerLabelsOf(columns.overallLevels, winnerScale.categoryOfLevel);
  const winners = groupLabelsByUnit({ unitOf, raterOf, labels: winnerLabels, unitCount });
  return {
    judgments: columns.count,
    units: unitCount,
    overall,
    aspects,
    raters: summarizeRaters({ columns, winners, categoryCount: winnerScale.categoryCount, skipsByRater }),
  };
}

import { meanAgreement, type TExportSummary } from "./export-summary";

/** The export's tallies as plain JSON (the rater set becomes its size). */
export function summaryCounts(summary: TExportSummary): Record<string, unknown> {
  return {
    items: summary.items,
    judgments: summary.judgments,
    raters: summary.raters.size,
    pairsKept: summary.pairsKept,
    ties: summary.ties,
    bothBad: summary.bothBad,
    dropped: summary.dropped,
    meanAgreement: meanAgreement(summary),
  };
}

import type { TAggregatedPair } from "./aggregate-pairs";

/** Running tallies an export fills in as it streams, read afterwards for the dataset card. */
export type TExportSummary = {
  items: number;
  judgments: number;
  raters: Set<string>;
  rows: number;
  pairsKept: number;
  ties: number;
  bothBad: number;
  dropped: Record<string, number>;
  /** Sum of the agreement of kept pairs, for the mean. */
  agreementSum: number;
};

export function createExportSummary(): TExportSummary {
  return { items: 0, judgments: 0, raters: new Set(), rows: 0, pairsKept: 0, ties: 0, bothBad: 0, dropped: {}, agreementSum: 0 };
}

export function recordPair(summary: TExportSummary | undefined, pair: TAggregatedPair): void {
  if (!summary) return;
  if (pair.outcome === "preference") {
    summary.pairsKept++;
    summary.agreementSum += pair.agreement;
  } else if (pair.outcome === "tie") summary.ties++;
  else if (pair.outcome === "both_bad") summary.bothBad++;
  else {
    const reason = pair.dropReason ?? "dropped";
    summary.dropped[reason] = (summary.dropped[reason] ?? 0) + 1;
  }
}

export function meanAgreement(summary: TExportSummary): number | null {
  return summary.pairsKept ? summary.agreementSum / summary.pairsKept : null;
}

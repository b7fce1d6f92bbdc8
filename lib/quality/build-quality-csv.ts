import { toCsv, type TAgreementStats, type TCsvCell, type TInterval } from "@/lib/agreement";
import type { TCsvTable } from "./schemas";
import type { TAgreementReportView, TModelsVersusHumans } from "./types";

const lo = (interval: TInterval | null | undefined): TCsvCell => interval?.[0] ?? null;
const hi = (interval: TInterval | null | undefined): TCsvCell => interval?.[1] ?? null;

function statsRow(target: string, judgments: TCsvCell, s: TAgreementStats): TCsvCell[] {
  const ci = s.ci95;
  const { nominal, ordinal, interval } = s.krippendorffAlpha;
  return [
    target, judgments,
    s.percentAgreement, lo(ci?.percentAgreement), hi(ci?.percentAgreement),
    nominal, lo(ci?.krippendorffAlpha.nominal), hi(ci?.krippendorffAlpha.nominal),
    ordinal, lo(ci?.krippendorffAlpha.ordinal), hi(ci?.krippendorffAlpha.ordinal),
    interval, lo(ci?.krippendorffAlpha.interval), hi(ci?.krippendorffAlpha.interval),
    s.fleissKappa, lo(ci?.fleissKappa), hi(ci?.fleissKappa),
    s.gwetAC1, lo(ci?.gwetAC1), hi(ci?.gwetAC1),
  ];
}

const STATS_HEADER = [
  "target", "judgments", "percent_agreement", "pa_lo", "pa_hi", "alpha_nominal", "nominal_lo", "nominal_hi",
  "alpha_ordinal", "ordinal_lo", "ordinal_hi", "alpha_interval", "interval_lo", "interval_hi",
  "fleiss_kappa", "kappa_lo", "kappa_hi", "gwet_ac1", "ac1_lo", "ac1_hi",
];

const RATER_HEADER = [
  "rater", "email", "judgments", "agreement_with_others", "gold_accuracy", "gold_judgments", "flagged", "paused",
  "left_rate", "left_p_value", "tie_rate", "both_bad_rate", "length_bias", "median_seconds", "per_day", "skip_rate", "reliability",
];

/** One dashboard table as RFC 4180 CSV (text cells guarded against spreadsheet formulas). */
export function buildQualityCsv({ table, report, models }: { table: TCsvTable; report?: TAgreementReportView; models?: TModelsVersusHumans }): string {
  const rows: TCsvCell[][] = [];
  if (table === "overall" && report) {
    rows.push(STATS_HEADER, statsRow("overall", report.judgments, report.overall));
    for (const [key, stats] of Object.entries(report.aspects)) rows.push(statsRow(key, null, stats));
  } else if (table === "raters" && report) {
    rows.push(RATER_HEADER);
    for (const r of report.raters) {
      rows.push([
        r.rater, r.email, r.judgments, r.agreementWithOthers, r.goldAccuracy ?? null, r.goldJudgments, r.isFlagged, r.isPaused,
        r.leftRate, r.leftPValue, r.tieRate, r.bothBadRate, r.lengthBias, r.medianSeconds, r.perDay, r.skipRate, r.reliability,
      ]);
    }
  } else if (table === "seconds" && report) {
    const { edges, counts } = report.activeSeconds;
    rows.push(["from_seconds", "to_seconds", "judgments"]);
    edges.forEach((edge, i) => rows.push([edge, edges[i + 1] ?? null, counts[i]]));
  } else if (table === "models" && models) {
    rows.push(["score_set", "target", "pairs", "agreements", "accuracy", "ci_lo", "ci_hi"]);
    for (const set of models.scoreSets) {
      rows.push([set.name, "overall", set.pairs, set.agreements, set.accuracy, lo(set.ci95), hi(set.ci95)]);
      for (const [key, a] of Object.entries(set.aspects)) rows.push([set.name, key, a.pairs, a.agreements, a.accuracy, lo(a.ci95), hi(a.ci95)]);
    }
  } else if (table === "disagreements" && models) {
    rows.push(["score_set", "item", "response_first", "response_second", "model_first", "model_second", "score_gap", "human_mean", "human_agreement", "judgments"]);
    for (const d of models.disagreements) {
      rows.push([d.scoreSet, d.item, d.responses[0], d.responses[1], d.models[0], d.models[1], d.scoreGap, d.humanMean, d.humanAgreement, d.judgments]);
    }
  }
  return toCsv(rows);
}

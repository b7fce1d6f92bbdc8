// Pure agreement statistics: plain arrays in, plain objects out, no database.
export { bootstrapCI, bootstrapCIs, mulberry32, type TInterval } from "./bootstrap";
export { binomialTest } from "./binomial-test";
export { buildAgreementReport, buildAgreementReportFromColumns } from "./build-agreement-report";
export { buildCoincidenceMatrix, type TCoincidences } from "./build-coincidence-matrix";
export { buildContingencyTable, cohenKappa, cohenKappaFromRatings, type TCohenKappa, type TKappaWeights } from "./cohen-kappa";
export { dawidSkene, type TDawidSkeneInput, type TDawidSkeneResult } from "./dawid-skene";
export { fleissKappa, type TChanceCorrected } from "./fleiss-kappa";
export { gwetAC1, type TGwetAC1 } from "./gwet-ac1";
export { alphaFromCoincidences, krippendorffAlpha, type TAlphaLevel } from "./krippendorff-alpha";
export { percentAgreement } from "./percent-agreement";
export { toCsv, type TCsvCell } from "./to-csv";
export type {
  TAgreementIntervals,
  TAgreementJudgment,
  TAgreementReport,
  TAgreementReportOptions,
  TAgreementStats,
  TAspectScale,
  TRaterStats,
} from "./types";

// Pure sampling math: plain numbers in, plain objects out. The database loader lives elsewhere.
export type { Comparison, Posterior, RandomSource } from "./types";
export { updatePosterior, type UpdatePosteriorOptions, type UpdatePosteriorResult } from "./update-posterior";
export { coverageFactor, pairPriority, type PairPriorityOptions, type PriorityRule } from "./pair-priority";
export { rescoreTouchedPairs, type PairScore, type RescoreTouchedPairsOptions } from "./rescore-touched-pairs";
export {
  chooseCandidate,
  selectionProbabilities,
  type ChooseCandidateOptions,
  type ChooseCandidateResult,
  type SelectionProbabilitiesOptions,
} from "./choose-candidate";
export { modelPrior, passRateLogit, zScores, type ModelPriorOptions, type TestResult } from "./model-prior";
export { combineModelScores } from "./combine-model-scores";
export { fitBradleyTerry, type FitBradleyTerryOptions, type FitBradleyTerryResult } from "./fit-bradley-terry";
export { rankResponses, type RankedResponse, type RankResponsesOptions } from "./rank-responses";
export { fitLeaderboard, type FitLeaderboardOptions, type LeaderboardEntry, type ModelComparison } from "./fit-leaderboard";
export { kendallTau } from "./kendall-tau";
export { meanKendallTau } from "./mean-kendall-tau";
export { decideTargetJudgments, type DecideTargetJudgmentsOptions } from "./decide-target-judgments";
export { isSettled, type IsSettledResult } from "./is-settled";
export { createRng, sampleNormal } from "./create-rng";
export { invertSymmetric } from "./invert-symmetric";
export { findLabelsToReach, type CurvePoint } from "./find-labels-to-reach";
export { meanCurve, pairedReduction, summarizeLabelsToReach, type LabelsToReach, type Reduction, type RunCurve } from "./summarize-runs";
export { simulate, type SimulateOptions, type SimulateResult, type Strategy } from "./simulate";
export { createSimWorld, type AnnotatorModel, type SimAnnotator, type SimWorld } from "./create-sim-world";
export { renderCurvesSvg, type CurveSeries, type RenderCurvesSvgOptions } from "./render-curves-svg";
export { normalCdf } from "./normal-cdf";
export { pickTopCandidates, type PickTopCandidatesOptions, type TopCandidates } from "./pick-top-candidates";

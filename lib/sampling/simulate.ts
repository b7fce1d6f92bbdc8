import { assignSimPair } from "./assign-sim-pair";
import { createRng } from "./create-rng";
import { createSimWorld, type AnnotatorModel } from "./create-sim-world";
import type { CurvePoint } from "./find-labels-to-reach";
import { isSettled } from "./is-settled";
import { meanKendallTau } from "./mean-kendall-tau";
import { modelPrior } from "./model-prior";
import { coverageFactor, pairPriority, type PriorityRule } from "./pair-priority";
import { refitSimScores, type LoggedJudgment } from "./refit-sim-scores";
import { rescoreTouchedPairs } from "./rescore-touched-pairs";
import { simulateJudgment } from "./simulate-judgment";
import type { Posterior } from "./types";
import { updatePosterior } from "./update-posterior";

export type Strategy = "random" | "random+prior" | "active" | "active+prior";

export type SimulateOptions = {
  seed: number;
  strategy: Strategy;
  prompts: number;
  responsesPerPrompt: number;
  /** Label budget; the run stops after this many judgments. */
  labels: number;
  evaluateEvery: number;
  annotators: AnnotatorModel;
  scoreCorrelation: number;
  beta: number;
  kappa?: number;
  rule?: PriorityRule;
  /** Rows fetched before sampling, like the server's top-few-dozen query. */
  candidates: number;
  temperature: number;
  epsilon: number;
  /**
   * Group the model scores are z-scored over. "project" keeps one scorer's scale, so a prompt
   * whose scores sit close together gets a weak prior order; "prompt" forces every prompt's
   * scores to unit spread and so overstates small gaps.
   */
  priorScope?: "project" | "prompt";
  /** Share of assignments reserved for overlap/escalation (overlap 2, cap 5); 0 turns it off. */
  overlapShare?: number;
  /** Also score Bradley–Terry refits (IPW-weighted and unweighted) every this many labels. */
  refitEvery?: number;
};

export type SimulateResult = {
  strategy: Strategy;
  seed: number;
  /** Mean within-prompt Kendall τ of the online posterior means against the truth. */
  curve: CurvePoint[];
  /** The same for the inverse-propensity-weighted and the unweighted refit (empty unless asked). */
  ipwRefitCurve: CurvePoint[];
  plainRefitCurve: CurvePoint[];
  /** Share of judgments that agreed with the true order (depends on which pairs were served). */
  accuracy: number;
  minPropensity: number;
  overlapAssignments: number;
};

/** One seeded run of one strategy; the world depends on the seed only, so strategies share it. */
export function simulate(options: SimulateOptions): SimulateResult {
  const { seed, strategy, prompts, responsesPerPrompt: k, beta, kappa, rule, refitEvery, overlapShare = 0, priorScope = "project" } = options;
  const world = createSimWorld({ random: createRng(seed), prompts, responsesPerPrompt: k, annotators: options.annotators, scoreCorrelation: options.scoreCorrelation });
  const random = createRng(seed * 7919 + 17);
  const usesPrior = strategy.endsWith("+prior");

  const pairA: number[] = [];
  const pairB: number[] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) (pairA.push(a), pairB.push(b));
  const perPrompt = pairA.length;
  const rows = prompts * perPrompt;
  const rowOf = (prompt: number, a: number, b: number) => prompt * perPrompt + a * k - (a * (a + 1)) / 2 + (b - a - 1);

  const priors = buildPriors(world.modelScores, usesPrior, priorScope);
  const posteriors: Posterior[][] = priors.map((row) => row.map((p) => ({ ...p })));
  // Pair-level gain per row, as the server stores it; a judgment rewrites only the rows that
  // touch the two updated responses. The server applies the prompt's coverage factor at read
  // time; this in-memory copy keeps the product too, so the per-judgment scan is a flat array.
  const gain = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const prior = posteriors[Math.floor(row / perPrompt)];
    gain[row] = pairPriority({ i: prior[pairA[row % perPrompt]], j: prior[pairB[row % perPrompt]], beta, rule });
  }
  const priorities = Float64Array.from(gain);
  const labelsOnPrompt = new Int32Array(prompts);
  const seen = new Uint8Array(world.annotators.length * rows);
  const seenCount = new Int32Array(world.annotators.length);
  const signs: number[][] = Array.from({ length: rows }, () => []);
  const needsMore = new Uint8Array(rows);
  const logged: LoggedJudgment[] = [];
  const means = () => posteriors.map((row) => row.map((q) => q.mean));
  const curve: CurvePoint[] = [{ labels: 0, tau: meanKendallTau(means(), world.truth) }];
  const ipwRefitCurve: CurvePoint[] = refitEvery ? [curve[0]] : [];
  const plainRefitCurve: CurvePoint[] = refitEvery ? [curve[0]] : [];
  let correct = 0;
  let minPropensity = 1;
  let overlapAssignments = 0;

  for (let spent = 1; spent <= options.labels; spent++) {
    const judge = Math.floor(random() * world.annotators.length);
    const offset = judge * rows;
    const assignment = assignSimPair({
      rows,
      isActive: strategy.startsWith("active"),
      excluded: seen.subarray(offset, offset + rows),
      eligibleCount: rows - seenCount[judge],
      priorities,
      candidates: options.candidates,
      temperature: options.temperature,
      epsilon: options.epsilon,
      overlapShare,
      needsMore: (row) => needsMore[row] === 1,
      random,
    });
    const { row, propensity } = assignment;
    if (assignment.isOverlap) overlapAssignments++;
    minPropensity = Math.min(minPropensity, propensity);
    seen[offset + row] = 1;
    seenCount[judge]++;

    const prompt = Math.floor(row / perPrompt);
    const i = pairA[row % perPrompt];
    const j = pairB[row % perPrompt];
    const truth = world.truth[prompt];
    const iOnLeft = random() < 0.5;
    const leftPreferred = simulateJudgment({ annotator: world.annotators[judge], leftUtility: truth[iOnLeft ? i : j], rightUtility: truth[iOnLeft ? j : i], random });
    const outcome = iOnLeft === (leftPreferred === 1) ? 1 : 0;
    if ((outcome === 1) === truth[i] > truth[j]) correct++;
    logged.push({ prompt, i, j, outcome, propensity });
    signs[row].push(outcome === 1 ? 1 : -1);
    needsMore[row] = isSettled({ signs: signs[row], overlap: 2, cap: 5 }).isSettled ? 0 : 1;

    const updated = updatePosterior({ i: posteriors[prompt][i], j: posteriors[prompt][j], outcome, beta, kappa });
    posteriors[prompt][i] = updated.i;
    posteriors[prompt][j] = updated.j;
    for (const s of rescoreTouchedPairs({ posteriors: posteriors[prompt], i, j, beta, rule })) gain[rowOf(prompt, s.a, s.b)] = s.priority;
    labelsOnPrompt[prompt]++;
    const coverage = coverageFactor(labelsOnPrompt[prompt]);
    for (let r = prompt * perPrompt; r < (prompt + 1) * perPrompt; r++) priorities[r] = gain[r] * coverage;

    if (spent % options.evaluateEvery === 0) curve.push({ labels: spent, tau: meanKendallTau(means(), world.truth) });
    if (refitEvery && spent % refitEvery === 0) {
      const refit = (isWeighted: boolean) => meanKendallTau(refitSimScores({ judgments: logged, priors, beta, isWeighted }), world.truth);
      ipwRefitCurve.push({ labels: spent, tau: refit(true) });
      plainRefitCurve.push({ labels: spent, tau: refit(false) });
    }
  }
  return { strategy, seed, curve, ipwRefitCurve, plainRefitCurve, accuracy: correct / options.labels, minPropensity, overlapAssignments };
}

function buildPriors(modelScores: number[][], usesPrior: boolean, scope: "project" | "prompt"): Posterior[][] {
  const k = modelScores[0]?.length ?? 0;
  if (!usesPrior) return modelScores.map(() => modelPrior({ count: k }));
  if (scope === "prompt") return modelScores.map((scores) => modelPrior({ count: k, modelScores: scores }));
  const project = modelPrior({ count: modelScores.length * k, modelScores: modelScores.flat() });
  return modelScores.map((_, p) => project.slice(p * k, (p + 1) * k));
}

import { createRng } from "./create-rng";
import { fitBradleyTerry } from "./fit-bradley-terry";
import type { Comparison } from "./types";

/** A judged pair of responses, reduced to the models that wrote them (outcome from modelI's view). */
export type ModelComparison = { modelI: string; modelJ: string; outcome: number; weight?: number };

export type FitLeaderboardOptions = {
  comparisons: readonly ModelComparison[];
  ridge?: number;
  /** Percentile bootstrap over comparisons (as Chatbot Arena reports) instead of the Hessian. */
  bootstrap?: { rounds: number; seed: number };
};

export type LeaderboardEntry = {
  model: string;
  rank: number;
  /** Bradley–Terry logit, centred over the models. */
  score: number;
  sd: number;
  /** 95 % interval. */
  lower: number;
  upper: number;
  judgments: number;
};

const Z_95 = 1.959964;

/**
 * Project leaderboard: one Bradley–Terry strength per model, pooled across every item. Pairs of
 * two responses from the same model are dropped, since they say nothing about models.
 */
export function fitLeaderboard(options: FitLeaderboardOptions): LeaderboardEntry[] {
  const { ridge = 0.01, bootstrap } = options;
  const usable = options.comparisons.filter((c) => c.modelI !== c.modelJ);
  const models = [...new Set(usable.flatMap((c) => [c.modelI, c.modelJ]))].sort();
  if (models.length === 0) return [];
  const index = new Map(models.map((m, k) => [m, k]));
  const comparisons: Comparison[] = usable.map((c) => ({ i: index.get(c.modelI)!, j: index.get(c.modelJ)!, outcome: c.outcome, weight: c.weight }));
  const fit = fitBradleyTerry({ count: models.length, comparisons, ridge });

  let lower = fit.scores.map((s, k) => s - Z_95 * fit.sd[k]);
  let upper = fit.scores.map((s, k) => s + Z_95 * fit.sd[k]);
  let sd = fit.sd;
  if (bootstrap) {
    const random = createRng(bootstrap.seed);
    const draws: number[][] = models.map(() => []);
    for (let round = 0; round < bootstrap.rounds; round++) {
      const sample = comparisons.map(() => comparisons[Math.floor(random() * comparisons.length)]);
      fitBradleyTerry({ count: models.length, comparisons: sample, ridge }).scores.forEach((s, k) => draws[k].push(s));
    }
    const sorted = draws.map((d) => [...d].sort((a, b) => a - b));
    lower = sorted.map((d) => quantile(d, 0.025));
    upper = sorted.map((d) => quantile(d, 0.975));
    sd = draws.map((d) => standardDeviation(d));
  }

  return models
    .map((model, k) => ({ model, rank: 0, score: fit.scores[k], sd: sd[k], lower: lower[k], upper: upper[k], judgments: fit.judgments[k] }))
    .sort((a, b) => b.score - a.score || a.model.localeCompare(b.model))
    .map((entry, k) => ({ ...entry, rank: k + 1 }));
}

/** Linear interpolation between order statistics (type 7, the numpy and R default). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(values.length - 1, 1));
}

import { fitBradleyTerry } from "./fit-bradley-terry";
import type { Comparison, Posterior } from "./types";

export type LoggedJudgment = Comparison & { prompt: number; propensity: number };

export type RefitSimScoresOptions = {
  judgments: readonly LoggedJudgment[];
  priors: readonly (readonly Posterior[])[];
  beta: number;
  isWeighted: boolean;
};

/**
 * The periodic refit: per prompt, Bradley–Terry on the logit scale, optionally with
 * inverse-propensity weights normalised to mean 1 within the prompt (so the prior keeps its
 * strength), and the model prior as the ridge centre. Posterior units become logits through
 * the judges' slope 1/(β√2), and the prior variance becomes the ridge precision.
 */
export function refitSimScores(options: RefitSimScoresOptions): number[][] {
  const { judgments, priors, beta, isWeighted } = options;
  const slope = 1 / (beta * Math.SQRT2);
  const byPrompt = priors.map((): LoggedJudgment[] => []);
  for (const judgment of judgments) byPrompt[judgment.prompt].push(judgment);
  return byPrompt.map((logged, p) => {
    const prior = priors[p];
    const meanInverse = logged.reduce((s, c) => s + 1 / c.propensity, 0) / Math.max(logged.length, 1);
    const comparisons = logged.map(({ i, j, outcome, propensity }) => ({ i, j, outcome, weight: isWeighted ? 1 / propensity / meanInverse : 1 }));
    const meanVariance = prior.reduce((s, q) => s + q.variance, 0) / prior.length;
    const fit = fitBradleyTerry({
      count: prior.length,
      comparisons,
      ridge: 1 / (meanVariance * slope * slope),
      priorMean: prior.map((q) => q.mean * slope),
    });
    return fit.scores;
  });
}

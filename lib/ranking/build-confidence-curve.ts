import { normalCdf, updatePosterior, type Posterior } from "@/lib/sampling";
import { SERVING_BETA, SERVING_KAPPA } from "./serving-settings";
import type { TConfidencePoint } from "./schemas";

/**
 * Ranking confidence against labels spent: the judgments replayed in time order through the
 * online update, and at evenly spaced label counts the mean over prompts of the posterior
 * probability that each adjacent pair (in current order) is correctly ordered,
 * Φ(|Δμ|/√(σ_i² + σ_j²)), with the mean posterior sd. Prompts never judged count at their prior.
 */
export function buildConfidenceCurve(opts: {
  priors: readonly (readonly Posterior[])[];
  judgments: ReadonlyArray<{ itemIndex: number; comparisons: ReadonlyArray<{ i: number; j: number; outcome: number }> }>;
  points?: number;
}): TConfidencePoint[] {
  const state = opts.priors.map((list) => list.map((p) => ({ ...p })));
  const total = opts.judgments.length;
  const step = Math.max(1, Math.ceil(total / (opts.points ?? 20)));
  const curve: TConfidencePoint[] = [measure(state, 0)];
  opts.judgments.forEach((judgment, k) => {
    const posteriors = state[judgment.itemIndex];
    for (const c of judgment.comparisons) {
      const next = updatePosterior({ i: posteriors[c.i], j: posteriors[c.j], outcome: c.outcome, beta: SERVING_BETA, kappa: SERVING_KAPPA });
      posteriors[c.i] = next.i;
      posteriors[c.j] = next.j;
    }
    if ((k + 1) % step === 0 || k + 1 === total) curve.push(measure(state, k + 1));
  });
  return curve;
}

function measure(state: Posterior[][], labels: number): TConfidencePoint {
  let orderSum = 0;
  let prompts = 0;
  let sdSum = 0;
  let responses = 0;
  for (const list of state) {
    for (const p of list) {
      sdSum += Math.sqrt(p.variance);
      responses++;
    }
    if (list.length < 2) continue;
    const sorted = [...list].sort((x, y) => y.mean - x.mean);
    let sum = 0;
    for (let k = 0; k + 1 < sorted.length; k++) {
      sum += normalCdf((sorted[k].mean - sorted[k + 1].mean) / Math.sqrt(sorted[k].variance + sorted[k + 1].variance));
    }
    orderSum += sum / (sorted.length - 1);
    prompts++;
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { labels, meanCorrectOrderProbability: round(prompts ? orderSum / prompts : 0), meanSd: round(responses ? sdSum / responses : 0) };
}

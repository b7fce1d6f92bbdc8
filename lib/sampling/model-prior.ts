import type { Posterior } from "./types";

export type TestResult = { passed: number; total: number };

export type ModelPriorOptions = {
  /** Trainer-uploaded model scores, one per response of the group (a prompt or a project); null = none. */
  modelScores?: ReadonlyArray<number | null>;
  /** Test outcomes, one per response of the group; null = not run. */
  testResults?: ReadonlyArray<TestResult | null>;
  /** Assumed correlation between the z-scored model score and true quality. */
  scoreWeight?: number;
  /** Assumed correlation between the z-scored pass-rate logit and true quality. */
  passWeight?: number;
  /** The prior never claims more certainty than this, however many signals agree. */
  minVariance?: number;
};

/** Half a pass and half a fail (Jeffreys) keep 0/n and n/n finite and pull small suites inward. */
export function passRateLogit({ passed, total }: TestResult): number {
  return Math.log((passed + 0.5) / (total - passed + 0.5));
}

/** Standard scores (population sd) of the finite values; all null when fewer than two or constant. */
export function zScores(values: ReadonlyArray<number | null>): Array<number | null> {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length < 2) return values.map(() => null);
  const mean = present.reduce((s, v) => s + v, 0) / present.length;
  const sd = Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length);
  // A constant signal says nothing about order, so it is no signal at all.
  if (!(sd > 1e-12)) return values.map(() => null);
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : (v - mean) / sd));
}

/**
 * Prior posteriors on the unit-variance quality scale. Treating each weight w as the correlation
 * between a standardised signal and true quality, the Gaussian conditional gives μ₀ = w·z and
 * σ₀² = 1 − w² (adding the terms assumes the two signals' errors are independent). Responses
 * without a signal keep μ₀ = 0, σ₀² = 1. Signals are z-scored within the group the caller
 * passes because scorers' scales are arbitrary; only relative standing carries information.
 * The defaults are deliberately below the r = 0.6 the simulation draws, to avoid overtrusting.
 */
export function modelPrior(options: ModelPriorOptions & { count: number }): Posterior[] {
  const { count, modelScores, testResults, scoreWeight = 0.5, passWeight = 0.3, minVariance = 0.25 } = options;
  const scoreZ = modelScores ? zScores(modelScores) : [];
  const passZ = testResults ? zScores(testResults.map((t) => (t && t.total > 0 ? passRateLogit(t) : null))) : [];

  return Array.from({ length: count }, (_, k) => {
    let mean = 0;
    let explained = 0;
    const s = scoreZ[k];
    if (s !== undefined && s !== null) {
      mean += scoreWeight * s;
      explained += scoreWeight * scoreWeight;
    }
    const t = passZ[k];
    if (t !== undefined && t !== null) {
      mean += passWeight * t;
      explained += passWeight * passWeight;
    }
    return { mean, variance: Math.max(1 - explained, minVariance) };
  });
}

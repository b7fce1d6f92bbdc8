import { ZStoredScores } from "@/lib/quality/schemas";
import { combineModelScores, modelPrior, type Posterior } from "@/lib/sampling";

/** Per response, in a fixed order (item, position): the trainer's scores (validated) and test counts. */
export type TResponseSignals = { ids: string[]; scores: Array<Record<string, number> | null>; passed: Array<number | null>; total: Array<number | null> };

/**
 * μ₀, σ₀² per response from the model scores and test pass rates, across the whole project
 * (combineModelScores, then modelPrior over the responses with a signal). A response missing from
 * the map keeps the flat prior N(0, 1). The sums run in the order given, so the same data always
 * gives the same bits (and a refresh with nothing new writes nothing).
 */
export function priorsFromSignals(signals: TResponseSignals): Map<string, Posterior> {
  const z = combineModelScores(signals.scores);
  const withSignal = signals.ids.map((_, k) => k).filter((k) => z[k] !== null || (signals.total[k] ?? 0) > 0);
  if (!withSignal.length) return new Map();
  const priors = modelPrior({
    count: withSignal.length,
    modelScores: withSignal.map((k) => z[k]),
    testResults: withSignal.map((k) => {
      const total = signals.total[k] ?? 0;
      return total > 0 ? { passed: Math.min(signals.passed[k] ?? 0, total), total } : null;
    }),
  });
  return new Map(withSignal.map((k, n) => [signals.ids[k], priors[n]]));
}

/** responses.scores as read back: its named finite numbers, or null (none, or not an object). */
export function parseStoredScores(raw: unknown): Record<string, number> | null {
  const parsed = raw === null ? null : ZStoredScores.safeParse(raw);
  return parsed?.success ? parsed.data : null;
}

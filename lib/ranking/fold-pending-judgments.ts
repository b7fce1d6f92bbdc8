import { pairPriority, updatePosterior } from "@/lib/sampling";
import { outcomeForA, SERVING_BETA, SERVING_KAPPA } from "./serving-settings";

export type TFoldResponse = { id: string; itemId: string; mu: number; sigma2: number };
export type TFoldUnit = { id: string; itemId: string; a: string; b: string; judgmentCount: number };
/** A queued pairwise judgment: the unit's two responses and the canonical preference (negative = a better). */
export type TFoldJudgment = { itemId: string; a: string; b: string; pref: number };

export type TFoldResult = {
  responses: { ids: string[]; mu: number[]; sigma2: number[] };
  units: { ids: string[]; priority: number[] };
};

/**
 * Folds queued judgments into the response posteriors, in the order given (Weng–Lin, one update
 * per judgment, as lib/sampling/update-posterior.ts), then rescores every pair that touches a
 * moved response, with the coverage factor of its item's labels. Each judgment costs O(K) for K
 * responses on its item: two posterior updates, and at most 2K − 3 pairs to rescore (fewer when
 * judgments on one item share responses). Judgments naming a response not among `responses` are
 * skipped.
 */
export function foldPendingJudgments(opts: { responses: TFoldResponse[]; units: TFoldUnit[]; judgments: TFoldJudgment[] }): TFoldResult {
  const posterior = new Map(opts.responses.map((r) => [r.id, { mean: r.mu, variance: r.sigma2 }]));
  const moved = new Set<string>();
  for (const judgment of opts.judgments) {
    const i = posterior.get(judgment.a);
    const j = posterior.get(judgment.b);
    if (!i || !j) continue;
    const updated = updatePosterior({ i, j, outcome: outcomeForA(judgment.pref), beta: SERVING_BETA, kappa: SERVING_KAPPA });
    posterior.set(judgment.a, updated.i);
    posterior.set(judgment.b, updated.j);
    moved.add(judgment.a).add(judgment.b);
  }
  const result: TFoldResult = { responses: { ids: [], mu: [], sigma2: [] }, units: { ids: [], priority: [] } };
  for (const id of moved) {
    const p = posterior.get(id)!;
    result.responses.ids.push(id);
    result.responses.mu.push(p.mean);
    result.responses.sigma2.push(p.variance);
  }
  const labels = new Map<string, number>();
  for (const unit of opts.units) labels.set(unit.itemId, (labels.get(unit.itemId) ?? 0) + unit.judgmentCount);
  for (const unit of opts.units) {
    if (!moved.has(unit.a) && !moved.has(unit.b)) continue;
    const i = posterior.get(unit.a);
    const j = posterior.get(unit.b);
    if (!i || !j) continue;
    result.units.ids.push(unit.id);
    result.units.priority.push(pairPriority({ i, j, beta: SERVING_BETA, labelsOnPrompt: labels.get(unit.itemId) ?? 0 }));
  }
  return result;
}

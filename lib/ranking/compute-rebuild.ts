import { pairPriority, type Posterior } from "@/lib/sampling";
import { fitItemPosteriors } from "./fit-item-posteriors";
import type { TRebuildSnapshot } from "./load-rebuild-snapshot";
import { FLAT_PRIOR, SERVING_BETA } from "./serving-settings";

export type TRebuildMode = "refit" | "rescore";

/** New posteriors and priorities for a snapshot, with what differs from the stored values. */
export type TRebuildPlan = {
  mean: Float64Array;
  variance: Float64Array;
  /** Responses whose stored posterior moves by more than 1e-12 (only those are written). */
  isResponseChanged: Uint8Array;
  priority: Float64Array;
  isUnitChanged: Uint8Array;
  /** Items with anything to write. */
  isItemDirty: Uint8Array;
};

/**
 * `refit`: each item's posterior from its prior and all its judgments (fitItemPosteriors);
 * `rescore`: the stored posteriors kept. Then every pair's priority (pairPriority) with the exact
 * coverage factor from the labels on its prompt. The math lives in lib/sampling and
 * fit-item-posteriors.ts; this only walks the columns.
 */
export function computeRebuild(snapshot: TRebuildSnapshot, opts: { mode: TRebuildMode; priors: ReadonlyMap<string, Posterior> }): TRebuildPlan {
  const { itemStart, responseIds, mu, sigma2, units } = snapshot;
  const mean = Float64Array.from(mu);
  const variance = Float64Array.from(sigma2);
  const isResponseChanged = new Uint8Array(responseIds.length);
  const isItemDirty = new Uint8Array(snapshot.itemIds.length);
  if (opts.mode === "refit") {
    for (let item = 0; item < snapshot.itemIds.length; item++) {
      const start = itemStart[item];
      const priors = responseIds.slice(start, itemStart[item + 1]).map((id) => opts.priors.get(id) ?? FLAT_PRIOR);
      const fitted = fitItemPosteriors({ priors, comparisons: snapshot.comparisons.get(item) ?? [] });
      fitted.forEach((posterior, k) => {
        const r = start + k;
        mean[r] = posterior.mean;
        variance[r] = posterior.variance;
        if (Math.abs(posterior.mean - mu[r]) > 1e-12 || Math.abs(posterior.variance - sigma2[r]) > 1e-12) {
          isResponseChanged[r] = 1;
          isItemDirty[item] = 1;
        }
      });
    }
  }

  const labels = new Float64Array(snapshot.itemIds.length);
  for (let u = 0; u < units.ids.length; u++) labels[units.item[u]] += units.judgments[u];
  const posterior = (r: number): Posterior => (r < 0 ? FLAT_PRIOR : { mean: mean[r], variance: variance[r] });
  const priority = new Float64Array(units.ids.length);
  const isUnitChanged = new Uint8Array(units.ids.length);
  for (let u = 0; u < units.ids.length; u++) {
    priority[u] = pairPriority({ i: posterior(units.a[u]), j: posterior(units.b[u]), beta: SERVING_BETA, labelsOnPrompt: labels[units.item[u]] });
    // as Postgres's IS DISTINCT FROM on float8: NaN equals NaN
    const isSame = priority[u] === units.priority[u] || (Number.isNaN(priority[u]) && Number.isNaN(units.priority[u]));
    if (!isSame) {
      isUnitChanged[u] = 1;
      isItemDirty[units.item[u]] = 1;
    }
  }
  return { mean, variance, isResponseChanged, priority, isUnitChanged, isItemDirty };
}

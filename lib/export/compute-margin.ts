import type { TMarginScheme } from "./schemas";

// Llama 2's margins by strength: much better, better, slightly better, negligibly better.
const SMALL_MARGINS = [0, 1 / 3, 2 / 3, 1];
const LARGE_MARGINS = [0, 1, 2, 3];

/**
 * Margin for a kept pair. strengthMean is |weighted mean of s| in 0..3, rounded to the nearest
 * strength (below 0.5 is "negligibly better"); btGap is score(chosen) − score(rejected), floored
 * at 0 because a negative margin would reward the model for preferring the rejected response.
 */
export function computeMargin({ scheme, strengthMean, btGap }: { scheme: TMarginScheme; strengthMean: number; btGap?: number | null }): number {
  if (scheme === "none") return 0;
  if (scheme === "bt") {
    if (btGap === undefined || btGap === null || !Number.isFinite(btGap)) throw new Error("margin=bt needs a Bradley–Terry scorer");
    return Math.max(0, btGap);
  }
  const level = strengthMean < 0.5 ? 0 : Math.min(3, Math.round(strengthMean));
  return scheme === "small" ? SMALL_MARGINS[level] : LARGE_MARGINS[level];
}

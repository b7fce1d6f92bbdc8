export type CurvePoint = { labels: number; tau: number };

/**
 * Labels spent when a quality curve first reaches the target, interpolating linearly between
 * the two checkpoints that straddle it (checkpoints are coarse, every N labels). Returns null
 * when the curve never gets there within the budget.
 */
export function findLabelsToReach(curve: readonly CurvePoint[], target: number): number | null {
  for (let k = 0; k < curve.length; k++) {
    const point = curve[k];
    if (point.tau < target) continue;
    if (k === 0) return point.labels;
    const before = curve[k - 1];
    const fraction = (target - before.tau) / (point.tau - before.tau);
    return before.labels + fraction * (point.labels - before.labels);
  }
  return null;
}

/** Category labels laid out unit by unit: unit u owns entries unitStart[u] .. unitStart[u + 1]. */
export type TGroupedLabels = {
  unitStart: Int32Array;
  raters: Int32Array;
  labels: Int32Array;
};

/** Counting sort of the judgments that have a label (label ≥ 0) by unit, keeping input order within a unit. */
export function groupLabelsByUnit({
  unitOf,
  raterOf,
  labels,
  unitCount,
}: {
  unitOf: Int32Array;
  raterOf: Int32Array;
  labels: Int8Array;
  unitCount: number;
}): TGroupedLabels {
  const unitStart = new Int32Array(unitCount + 1);
  for (let j = 0; j < labels.length; j++) if (labels[j] >= 0) unitStart[unitOf[j] + 1]++;
  for (let u = 0; u < unitCount; u++) unitStart[u + 1] += unitStart[u];
  const count = unitStart[unitCount];
  const grouped: TGroupedLabels = { unitStart, raters: new Int32Array(count), labels: new Int32Array(count) };
  const next = unitStart.slice(0, unitCount);
  for (let j = 0; j < labels.length; j++) {
    if (labels[j] < 0) continue;
    const at = next[unitOf[j]]++;
    grouped.raters[at] = raterOf[j];
    grouped.labels[at] = labels[j];
  }
  return grouped;
}

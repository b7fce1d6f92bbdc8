import type { TGroupedLabels } from "./group-labels-by-unit";

// Segments up to this size are sorted by insertion; units are usually a handful of judgments.
const INSERTION_SORT_MAX = 32;

function sortSegment(keys: Int32Array, m: number): void {
  if (m > INSERTION_SORT_MAX) {
    keys.subarray(0, m).sort();
    return;
  }
  for (let i = 1; i < m; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) keys[j + 1] = keys[j--];
    keys[j + 1] = key;
  }
}

/** The majority label of the others (a unit's label counts less one rater's), −1 on a tie or with no others. */
function majorityOfOthers(totals: Int32Array, own: Int32Array, K: number): number {
  let majority = -1;
  let best = 0;
  for (let k = 0; k < K; k++) {
    const others = totals[k] - own[k];
    if (others > best) {
      best = others;
      majority = k;
    } else if (others === best && best > 0) majority = -1;
  }
  return majority;
}

/**
 * Per rater: the share of their labels that match the majority of the OTHER raters on the same
 * unit. Units where the others split evenly between top categories say nothing about who is
 * right and are skipped, as are units nobody else labelled. A rater's repeat labels of a unit
 * are all compared with the others, never with each other.
 */
export function measureAgreementWithOthers({
  grouped,
  raterCount,
  categoryCount: K,
}: {
  grouped: TGroupedLabels;
  raterCount: number;
  categoryCount: number;
}): (number | null)[] {
  const { unitStart, raters, labels } = grouped;
  const judged = new Float64Array(raterCount);
  const agreed = new Float64Array(raterCount);
  const totals = new Int32Array(K);
  const own = new Int32Array(K);
  let keys = new Int32Array(INSERTION_SORT_MAX);
  for (let u = 0; u + 1 < unitStart.length; u++) {
    const start = unitStart[u];
    const m = unitStart[u + 1] - start;
    if (m < 2) continue;
    for (let k = 0; k < K; k++) totals[k] = 0;
    let isOneEach = true;
    for (let i = 0; i < m; i++) {
      totals[labels[start + i]]++;
      if (i > 0 && raters[start + i] <= raters[start + i - 1]) isOneEach = false;
    }
    // the usual unit, raters in order with one label each (as the columns loaders lay them out):
    // each rater's run is their one label, so there is nothing to sort
    if (isOneEach) {
      for (let i = start; i < start + m; i++) {
        own[labels[i]] = 1;
        const majority = majorityOfOthers(totals, own, K);
        own[labels[i]] = 0;
        if (majority < 0) continue;
        judged[raters[i]]++;
        if (majority === labels[i]) agreed[raters[i]]++;
      }
      continue;
    }
    if (m > keys.length) keys = new Int32Array(m);
    // rater·K + label sorts each rater's labels of this unit next to each other
    for (let i = 0; i < m; i++) keys[i] = raters[start + i] * K + labels[start + i];
    sortSegment(keys, m);
    for (let runStart = 0; runStart < m; ) {
      const rater = Math.floor(keys[runStart] / K);
      for (let k = 0; k < K; k++) own[k] = 0;
      let runEnd = runStart;
      while (runEnd < m && Math.floor(keys[runEnd] / K) === rater) own[keys[runEnd++] % K]++;
      const majority = majorityOfOthers(totals, own, K);
      if (majority >= 0) {
        judged[rater] += runEnd - runStart;
        agreed[rater] += own[majority];
      }
      runStart = runEnd;
    }
    for (let k = 0; k < K; k++) own[k] = 0;
  }
  return Array.from(judged, (n, r) => (n > 0 ? agreed[r] / n : null));
}

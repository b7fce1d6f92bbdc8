import type { TAgreementJudgment } from "@/lib/agreement";
import { FLAG_TIMED, type TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";
import type { TSecondsHistogram } from "./types";

// Annotation time is skewed (most judgments take a minute or two, a few take half an hour):
// bins widen as the times grow.
export const SECONDS_EDGES = [0, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200, 1800];

function binSeconds(count: number, secondsAt: (i: number) => number | null, edges: number[]): TSecondsHistogram {
  const counts = new Array<number>(edges.length).fill(0);
  let untimed = 0;
  for (let i = 0; i < count; i++) {
    const s = secondsAt(i);
    if (s === null || !Number.isFinite(s) || s < edges[0]) {
      untimed++;
      continue;
    }
    let bin = edges.length - 1;
    while (s < edges[bin]) bin--;
    counts[bin]++;
  }
  return { edges: [...edges], counts, untimed };
}

/** Histogram of active seconds over judgments; negative or non-finite times count as untimed. */
export function binActiveSeconds(judgments: ReadonlyArray<Pick<TAgreementJudgment, "activeSeconds">>, edges: number[] = SECONDS_EDGES): TSecondsHistogram {
  return binSeconds(judgments.length, (i) => judgments[i].activeSeconds, edges);
}

/**
 * Each whole second's bin below the last edge, when every edge is a whole number of seconds
 * (then s and ⌊s⌋ fall in the same bin), so a time's bin is one lookup instead of a walk down
 * the edges. Null otherwise, or for a last edge too far out to tabulate.
 */
function binsBySecond(edges: number[]): Int8Array | null {
  const last = edges[edges.length - 1];
  if (!edges.every(Number.isInteger) || edges[0] < 0 || last > 86_400 || edges.length > 127) return null;
  const bins = new Int8Array(last);
  for (let second = 0, bin = 0; second < last; second++) {
    while (bin + 1 < edges.length && second >= edges[bin + 1]) bin++;
    bins[second] = second < edges[0] ? -1 : bin;
  }
  return bins;
}

/** The same from the report's columns (timed judgments carry FLAG_TIMED), in one plain loop. */
export function binActiveSecondsInColumns(columns: TJudgmentColumns, edges: number[] = SECONDS_EDGES): TSecondsHistogram {
  const { flags, activeSeconds } = columns;
  const bounds = Float64Array.from(edges);
  const counts = new Float64Array(edges.length);
  const bySecond = binsBySecond(edges) ?? new Int8Array(0);
  const tabulated = bySecond.length;
  let untimed = 0;
  for (let j = 0; j < columns.count; j++) {
    const s = activeSeconds[j];
    if ((flags[j] & FLAG_TIMED) === 0 || !Number.isFinite(s) || s < bounds[0]) {
      untimed++;
      continue;
    }
    if (s < tabulated) {
      counts[bySecond[Math.floor(s)]]++;
      continue;
    }
    let bin = bounds.length - 1;
    while (s < bounds[bin]) bin--;
    counts[bin]++;
  }
  return { edges: [...edges], counts: Array.from(counts), untimed };
}

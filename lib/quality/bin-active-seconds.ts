import type { TAgreementJudgment } from "@/lib/agreement";
import type { TSecondsHistogram } from "./types";

// Annotation time is skewed (most judgments take a minute or two, a few take half an hour):
// bins widen as the times grow.
export const SECONDS_EDGES = [0, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200, 1800];

/** Histogram of active seconds over judgments; negative or non-finite times count as untimed. */
export function binActiveSeconds(judgments: ReadonlyArray<Pick<TAgreementJudgment, "activeSeconds">>, edges: number[] = SECONDS_EDGES): TSecondsHistogram {
  const counts = new Array<number>(edges.length).fill(0);
  let untimed = 0;
  for (const { activeSeconds: s } of judgments) {
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

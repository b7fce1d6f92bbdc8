import { fitBradleyTerry } from "@/lib/sampling/fit-bradley-terry";
import type { TBtScorer, TExportComparison } from "./types";

/**
 * The exporter's Bradley–Terry scorer: response ids in, scores out, fitted by lib/sampling (which
 * works on numeric indices). Ids are numbered in order of first appearance, so the same
 * comparisons always give the same fit. The ridge is lib/sampling's default prior precision.
 */
export function createBtScorer({ ridge }: { ridge?: number } = {}): TBtScorer {
  return (comparisons: TExportComparison[]) => {
    const index = new Map<string, number>();
    const indexOf = (id: string) => {
      let at = index.get(id);
      if (at === undefined) index.set(id, (at = index.size));
      return at;
    };
    const numbered = comparisons.map((c) => ({ i: indexOf(c.i), j: indexOf(c.j), outcome: c.outcome, weight: c.weight }));
    const scores = new Map<string, number>();
    if (index.size === 0) return scores;
    const fit = fitBradleyTerry({ count: index.size, comparisons: numbered, ridge });
    for (const [id, at] of index) scores.set(id, fit.scores[at]);
    return scores;
  };
}

import type { TExportItem, TExportJudgment, TExportResponse } from "./types";

export type TPairVote = {
  judgmentId: string;
  rater: string;
  /** −3..3 oriented to the pair: negative = `first` better; null only when bothBad. */
  value: number | null;
  bothBad: boolean;
  weight: number;
  propensity: number;
};

/** All votes on one unordered pair; `first` is the response listed earlier in the item. */
export type TPairVotes = { first: TExportResponse; second: TExportResponse; votes: TPairVote[] };

/**
 * Groups an item's judgments by response pair. Pairwise judgments vote with their preference (or
 * with one aspect's value when `aspect` is set, where both-bad no longer applies); a ranking of K
 * responses votes on every pair it orders, with strength min(3, rank distance) since a ranking
 * carries no explicit strength. Rating judgments make no pairs.
 */
export function collectPairVotes({
  item,
  judgments,
  aspect,
  raterWeights,
}: {
  item: TExportItem;
  judgments: TExportJudgment[];
  aspect?: string;
  raterWeights?: Map<string, number>;
}): TPairVotes[] {
  const ctx: TVoteContext = { byId: new Map(item.responses.map((r) => [r.id, r])), pairs: new Map(), raterWeights };
  for (const j of judgments) {
    const isRanking = j.ranking !== null && j.ranking.length >= 2 && (j.unitResponses.length !== 2 || (j.preference === null && !j.bothBad));
    if (isRanking && j.ranking) {
      if (aspect !== undefined) continue;
      for (let x = 0; x < j.ranking.length; x++) {
        for (let y = x + 1; y < j.ranking.length; y++) addVote(ctx, j, j.ranking[x], j.ranking[y], -Math.min(3, y - x), false);
      }
      continue;
    }
    if (j.unitResponses.length !== 2) continue;
    const [aId, bId] = j.unitResponses;
    if (aspect !== undefined) {
      const v = j.aspects[aspect];
      if (typeof v === "number" && Number.isFinite(v)) addVote(ctx, j, aId, bId, clampStrength(v), false);
    } else if (j.bothBad) {
      addVote(ctx, j, aId, bId, null, true);
    } else if (typeof j.preference === "number" && Number.isFinite(j.preference)) {
      addVote(ctx, j, aId, bId, clampStrength(j.preference), false);
    }
  }
  const { pairs } = ctx;
  return [...pairs.values()].sort((p, q) => compareResponses(p.first, q.first) || compareResponses(p.second, q.second));
}

type TVoteContext = { byId: Map<string, TExportResponse>; pairs: Map<string, TPairVotes>; raterWeights?: Map<string, number> };

function addVote(ctx: TVoteContext, j: TExportJudgment, aId: string, bId: string, value: number | null, bothBad: boolean): void {
  const a = ctx.byId.get(aId);
  const b = ctx.byId.get(bId);
  const weight = ctx.raterWeights?.get(j.rater) ?? 1;
  if (!a || !b || a === b || !(weight > 0)) return;
  const isFlipped = compareResponses(a, b) > 0;
  const first = isFlipped ? b : a;
  const second = isFlipped ? a : b;
  const key = `${first.id}\u0000${second.id}`;
  let pair = ctx.pairs.get(key);
  if (!pair) ctx.pairs.set(key, (pair = { first, second, votes: [] }));
  const oriented = value === null ? null : isFlipped ? -value : value;
  pair.votes.push({ judgmentId: j.judgmentId, rater: j.rater, value: oriented === 0 ? 0 : oriented, bothBad, weight, propensity: j.propensity });
}

export function compareResponses(a: TExportResponse, b: TExportResponse): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function clampStrength(v: number): number {
  return Math.max(-3, Math.min(3, v));
}

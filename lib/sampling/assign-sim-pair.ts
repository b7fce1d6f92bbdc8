import { chooseCandidate, selectionProbabilities } from "./choose-candidate";
import { pickTopCandidates } from "./pick-top-candidates";
import type { RandomSource } from "./types";

export type AssignSimPairOptions = {
  rows: number;
  isActive: boolean;
  /** Non-zero where this judge may not be served the row (already judged it). */
  excluded: ArrayLike<number>;
  /** Eligible rows for this judge (uniform strategy's denominator). */
  eligibleCount: number;
  priorities: ArrayLike<number>;
  candidates: number;
  temperature: number;
  epsilon: number;
  /** Share reserved for overlap/escalation: judged rows that still want another judgment. */
  overlapShare: number;
  needsMore: (row: number) => boolean;
  random: RandomSource;
};

export type SimAssignment = { row: number; propensity: number; isOverlap: boolean };

/**
 * The serving rule, in memory: with probability `overlapShare` a uniform draw from the
 * overlap/escalation pool, otherwise the strategy's own draw (uniform over eligible rows, or
 * softmax + ε over the top candidates). The propensity is the full mixture probability of the
 * row served, since a row can be reachable by both routes.
 */
export function assignSimPair(options: AssignSimPairOptions): SimAssignment {
  const { rows, excluded, random, overlapShare } = options;
  const isEligible = (row: number) => excluded[row] === 0;
  const pool: number[] = [];
  if (overlapShare > 0) for (let row = 0; row < rows; row++) if (isEligible(row) && options.needsMore(row)) pool.push(row);
  const reserve = pool.length > 0 ? overlapShare : 0;

  if (options.isActive) {
    const top = pickTopCandidates({ priorities: options.priorities, excluded, limit: options.candidates });
    const settings = { priorities: top.priorities, temperature: options.temperature, epsilon: options.epsilon };
    const mainProbability = (row: number) => {
      const at = top.rows.indexOf(row);
      return at < 0 ? 0 : selectionProbabilities(settings)[at];
    };
    if (reserve > 0 && random() < reserve) {
      const row = pool[Math.floor(random() * pool.length)];
      return { row, propensity: reserve / pool.length + (1 - reserve) * mainProbability(row), isOverlap: true };
    }
    const choice = chooseCandidate({ ...settings, random });
    const row = top.rows[choice.index];
    const inPool = reserve > 0 && options.needsMore(row) ? reserve / pool.length : 0;
    return { row, propensity: inPool + (1 - reserve) * choice.propensity, isOverlap: false };
  }

  const uniform = 1 / options.eligibleCount;
  if (reserve > 0 && random() < reserve) {
    const row = pool[Math.floor(random() * pool.length)];
    return { row, propensity: reserve / pool.length + (1 - reserve) * uniform, isOverlap: true };
  }
  // Rejection sampling is uniform over the judge's eligible rows and cheap while most are.
  let row: number;
  do row = Math.floor(random() * rows);
  while (!isEligible(row));
  const inPool = reserve > 0 && options.needsMore(row) ? reserve / pool.length : 0;
  return { row, propensity: inPool + (1 - reserve) * uniform, isOverlap: false };
}

import { decideTargetJudgments, type DecideTargetJudgmentsOptions } from "./decide-target-judgments";

export type IsSettledResult = { isSettled: boolean; target: number };

/** A unit is settled, and leaves the eligible pool, once it has its target number of judgments. */
export function isSettled(options: DecideTargetJudgmentsOptions): IsSettledResult {
  const target = decideTargetJudgments(options);
  return { isSettled: options.signs.length >= target, target };
}

export type DecideTargetJudgmentsOptions = {
  /**
   * Signs of the unit's judgments so far, from a fixed side's view: +1 prefers the first
   * response, −1 the second, 0 a tie. Ties never count as disagreement.
   */
  signs: readonly number[];
  /** Judgments every unit gets (1 = single-labelled, 2+ = overlap for agreement statistics). */
  overlap: number;
  /** Hard ceiling: escalation never asks for more judgments than this. */
  cap: number;
};

/**
 * How many judgments the unit should end up with. Each opposite-sign judgment (a dissent from
 * the majority) buys one more, so a 1–1 split gets a tie-breaker and a settled 2–1 stops there;
 * a vote still level after that keeps asking for one more until the cap. Contested pairs are
 * where extra labels change the training signal; agreeing ones gain almost nothing.
 */
export function decideTargetJudgments(options: DecideTargetJudgmentsOptions): number {
  const { signs, overlap, cap } = options;
  if (!(overlap >= 1 && cap >= overlap)) throw new RangeError(`need 1 ≤ overlap ≤ cap, got ${overlap} and ${cap}`);
  let preferFirst = 0;
  let preferSecond = 0;
  for (const s of signs) {
    if (s > 0) preferFirst++;
    else if (s < 0) preferSecond++;
  }
  const dissent = Math.min(preferFirst, preferSecond);
  const isLevel = dissent > 0 && preferFirst === preferSecond;
  const wanted = Math.max(overlap + dissent, isLevel ? signs.length + 1 : 0);
  return Math.min(cap, wanted);
}

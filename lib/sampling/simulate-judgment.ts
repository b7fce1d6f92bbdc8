import type { SimAnnotator } from "./create-sim-world";
import type { RandomSource } from "./types";

export type SimulateJudgmentOptions = {
  annotator: SimAnnotator;
  leftUtility: number;
  rightUtility: number;
  random: RandomSource;
};

/**
 * One simulated judge's verdict: Bradley–Terry on the true utilities with the judge's own slope,
 * plus a logit shift toward the left slot (position bias, which the server's random left/right
 * display is meant to cancel). Returns 1 when the left response is preferred, else 0.
 */
export function simulateJudgment(options: SimulateJudgmentOptions): 0 | 1 {
  const { annotator, leftUtility, rightUtility, random } = options;
  const logit = annotator.slope * (leftUtility - rightUtility) + annotator.leftBias;
  return random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
}

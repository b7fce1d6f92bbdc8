import { sampleNormal } from "./create-rng";
import type { RandomSource } from "./types";

export type AnnotatorModel = {
  count: number;
  /** Median Bradley–Terry slope of a judge on the true-utility scale (accuracy knob). */
  slope: number;
  /** Log-normal spread of the slope across judges (per-annotator noise). */
  slopeSpread: number;
  /** Mean logit pushed toward whichever response is displayed on the left. */
  leftBias: number;
  leftBiasSpread: number;
};

export type SimAnnotator = { slope: number; leftBias: number };

export type SimWorld = {
  /** Ground-truth utility per prompt and response, u ~ N(0, 1). */
  truth: number[][];
  /** Model score s = r·u + √(1 − r²)·ε, what a trainer would upload. */
  modelScores: number[][];
  annotators: SimAnnotator[];
};

export type CreateSimWorldOptions = {
  random: RandomSource;
  prompts: number;
  responsesPerPrompt: number;
  annotators: AnnotatorModel;
  scoreCorrelation: number;
};

/** Draws the hidden truth the strategies try to recover, and the judges that reveal it noisily. */
export function createSimWorld(options: CreateSimWorldOptions): SimWorld {
  const { random, prompts, responsesPerPrompt, annotators, scoreCorrelation: r } = options;
  const truth = Array.from({ length: prompts }, () => Array.from({ length: responsesPerPrompt }, () => sampleNormal(random)));
  const modelScores = truth.map((row) => row.map((u) => r * u + Math.sqrt(1 - r * r) * sampleNormal(random)));
  const judges = Array.from({ length: annotators.count }, () => ({
    slope: annotators.slope * Math.exp(annotators.slopeSpread * sampleNormal(random)),
    leftBias: annotators.leftBias + annotators.leftBiasSpread * sampleNormal(random),
  }));
  return { truth, modelScores, annotators: judges };
}

/** Gaussian belief about one response's latent quality, on the Weng–Lin/Bradley–Terry scale. */
export type Posterior = { mean: number; variance: number };

/** One judged comparison: outcome is from i's point of view (1 = i preferred, 0.5 = tie, 0 = j). */
export type Comparison = { i: number; j: number; outcome: number; weight?: number };

/** A source of uniform numbers in [0, 1); injected so every random choice is reproducible. */
export type RandomSource = () => number;

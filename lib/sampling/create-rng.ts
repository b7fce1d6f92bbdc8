import type { RandomSource } from "./types";

/**
 * Seeded generator (mulberry32). The simulation and the bootstrap must be reproducible run to
 * run, which Math.random cannot give; 32 bits of state is plenty for these sample sizes.
 */
export function createRng(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw by Box–Muller; 1 − u keeps the logarithm's argument away from zero. */
export function sampleNormal(random: RandomSource): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Kendall's τ-b between two equally long score lists. τ-b (not τ-a) because estimates tie
 * often early on, e.g. every unjudged response sits at the prior mean, and τ-b does not reward
 * or punish those ties as if they were orderings. Returns 0 when either list is constant, where
 * τ-b is undefined: a ranking that orders nothing carries no rank information.
 */
export function kendallTau(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`lengths differ: ${n} vs ${y.length}`);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const dx = Math.sign(x[a] - x[b]);
      const dy = Math.sign(y[a] - y[b]);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator > 0 ? (concordant - discordant) / denominator : 0;
}

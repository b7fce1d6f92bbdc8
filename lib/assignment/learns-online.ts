// Whether a judgment teaches active sampling anything online: pairwise judgments with an order
// (not both-bad) on actively sampled projects. Ranking judgments are not folded in online (a K-way
// order would touch every pair of the item); the refit (lib/ranking/refit-project.ts) uses them.
// Rating units have no pairs.
export function learnsOnline(judgment: { mode: string; sampling: string; responseB: string | null; canonicalPreference: number | null }): boolean {
  return judgment.mode === "pairwise" && judgment.sampling === "active" && judgment.responseB !== null && judgment.canonicalPreference !== null;
}

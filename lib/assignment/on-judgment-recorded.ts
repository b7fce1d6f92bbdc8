import "server-only";
import type { PoolClient } from "pg";
import { updateActivePosteriors } from "./update-active-posteriors";

// Hook for strategies that learn online, called inside the submit transaction. Pairwise judgments
// on actively sampled projects update the two responses' posteriors and the touched pairs'
// priorities. Ranking judgments are not folded in online (a K-way order would touch every pair
// of the item); the refit (lib/ranking/refit-project.ts) uses them. Rating units have no pairs.
export async function onJudgmentRecorded(
  client: PoolClient,
  event: { projectId: string; unitId: string; mode: string; canonicalPreference: number | null; ranking: string[] | null },
): Promise<void> {
  if (event.mode === "pairwise") await updateActivePosteriors(client, { unitId: event.unitId, canonicalPreference: event.canonicalPreference });
}

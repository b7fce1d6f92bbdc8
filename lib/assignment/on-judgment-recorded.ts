import "server-only";
import type { PoolClient } from "pg";
import { updateActivePosteriors } from "./update-active-posteriors";

export type TJudgmentEvent = {
  projectId: string; unitId: string; mode: string; sampling: string; responseA: string | null; responseB: string | null;
  canonicalPreference: number | null; ranking: string[] | null;
};

// Whether a judgment teaches an online strategy anything: pairwise judgments with an order (not
// both-bad) on actively sampled projects. Ranking judgments are not folded in online (a K-way
// order would touch every pair of the item); the refit (lib/ranking/refit-project.ts) uses them.
// Rating units have no pairs. Everything else is stored without a transaction around it.
export function learnsOnline(event: TJudgmentEvent): boolean {
  return event.mode === "pairwise" && event.sampling === "active" && event.responseA !== null && event.responseB !== null && event.canonicalPreference !== null;
}

// Hook for strategies that learn online, called inside a submit transaction when learnsOnline: the
// two responses' posteriors and the touched pairs' priorities, with the item locked. The usual
// path writes the same in the judgment's own statement (lib/assignment/record-judgment.ts); this
// one serves when that keeps racing other judgments on the item.
export async function onJudgmentRecorded(client: PoolClient, event: TJudgmentEvent): Promise<void> {
  if (learnsOnline(event)) await updateActivePosteriors(client, { unitId: event.unitId, responseA: event.responseA!, responseB: event.responseB!, canonicalPreference: event.canonicalPreference! });
}

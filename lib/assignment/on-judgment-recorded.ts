import "server-only";
import type { PoolClient } from "pg";
import type { TRecorded } from "./record-judgment";
import { lockItemPosteriors, updateActivePosteriors } from "./update-active-posteriors";

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

// Strategies that learn online, when the one-statement write (lib/assignment/record-judgment.ts)
// keeps racing other judgments on the item: in one transaction, lock the item's posteriors, write
// the judgment, then update the two posteriors and the touched pairs' priorities.
export async function recordLearningLocked(client: PoolClient, event: TJudgmentEvent, record: () => Promise<TRecorded>): Promise<TRecorded> {
  if (!learnsOnline(event)) return record();
  const locked = await lockItemPosteriors(client, event.unitId);
  const recorded = await record();
  if (recorded.judgmentId) await updateActivePosteriors(client, { unitId: event.unitId, locked, responseA: event.responseA!, responseB: event.responseB!, canonicalPreference: event.canonicalPreference! });
  return recorded;
}

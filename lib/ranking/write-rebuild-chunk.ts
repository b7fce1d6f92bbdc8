import "server-only";
import type { PoolClient } from "pg";
import type { Posterior } from "@/lib/sampling";
import { computeRebuild, type TRebuildMode, type TRebuildPlan } from "./compute-rebuild";
import { loadRebuildSnapshot, type TRebuildSnapshot } from "./load-rebuild-snapshot";

export type TChunkResult = { responsesChanged: number; unitsRescored: number; itemsRedone: number };

// In the order the learner locks them (apply-pending-judgments.ts: the items' responses by
// position), so the learner and this chunk queue instead of deadlocking.
const LOCK_SQL = "SELECT id, item_id, mu, sigma2 FROM responses WHERE item_id = ANY($1::text[]) ORDER BY item_id, position, id FOR UPDATE";
const WRITE_RESPONSES_SQL = "UPDATE responses r SET mu = v.mu, sigma2 = v.sigma2 FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(id, mu, sigma2) WHERE r.id = v.id";
// A unit's priority row locked by someone else (a lease or a judgment whose units trigger writes
// it, or the learner) is skipped, not waited for: waiting while holding the item's response locks
// could close a cycle with a holder that waits for them. It keeps its priority until its next
// rescoring.
const WRITE_UNITS_SQL = `
  WITH lockable AS (SELECT unit_id FROM unit_priorities WHERE unit_id = ANY($1::text[]) FOR NO KEY UPDATE SKIP LOCKED)
  UPDATE unit_priorities p SET priority = v.priority FROM unnest($1::text[], $2::float8[]) AS v(id, priority), lockable l
   WHERE p.unit_id = v.id AND l.unit_id = v.id AND p.priority IS DISTINCT FROM v.priority`;

// A refit counted these queued judgments already: the learner must not fold them in again.
const DEQUEUE_SQL = "DELETE FROM learning_queue WHERE judgment_id = ANY($1::text[])";

type TWrites = { responseIds: string[]; mu: number[]; sigma2: number[]; unitIds: string[]; priorities: number[]; counted: string[] };

/**
 * Writes one chunk of a rebuild planned on an unlocked snapshot, in one transaction. The chunk's
 * items are locked first; an item whose posteriors moved since the snapshot (a judgment committed
 * in between) is read again and recomputed under the lock, so that judgment is folded in, never
 * overwritten. Judgments committing after the lock wait, and are applied on top of the result.
 */
export async function writeRebuildChunk(
  client: PoolClient,
  opts: { snapshot: TRebuildSnapshot; plan: TRebuildPlan; items: number[]; mode: TRebuildMode; priors: ReadonlyMap<string, Posterior> },
): Promise<TChunkResult> {
  const { snapshot, plan } = opts;
  const { rows } = await client.query<{ id: string; item_id: string; mu: number; sigma2: number }>(LOCK_SQL, [opts.items.map((k) => snapshot.itemIds[k])]);
  const locked = new Map<string, Array<{ id: string; mu: number; sigma2: number }>>();
  for (const row of rows) locked.set(row.item_id, [...(locked.get(row.item_id) ?? []), row]);

  const writes: TWrites = { responseIds: [], mu: [], sigma2: [], unitIds: [], priorities: [], counted: [] };
  const stale: string[] = [];
  const fresh = new Set<number>();
  for (const item of opts.items) {
    const now = locked.get(snapshot.itemIds[item]) ?? [];
    const start = snapshot.itemStart[item];
    const isUnchanged =
      now.length === snapshot.itemStart[item + 1] - start &&
      now.every((r, k) => r.id === snapshot.responseIds[start + k] && r.mu === snapshot.mu[start + k] && r.sigma2 === snapshot.sigma2[start + k]);
    if (isUnchanged) fresh.add(item);
    else stale.push(snapshot.itemIds[item]);
  }
  collectWrites(writes, snapshot, plan, fresh, opts.mode);
  if (stale.length) {
    const again = await loadRebuildSnapshot(client, { itemIds: stale });
    const replanned = computeRebuild(again, { mode: opts.mode, priors: opts.priors });
    collectWrites(writes, again, replanned, new Set(again.itemIds.keys()), opts.mode);
  }
  if (writes.counted.length) await client.query(DEQUEUE_SQL, [writes.counted]);

  if (writes.responseIds.length) await client.query(WRITE_RESPONSES_SQL, [writes.responseIds, writes.mu, writes.sigma2]);
  const { rowCount } = writes.unitIds.length ? await client.query(WRITE_UNITS_SQL, [writes.unitIds, writes.priorities]) : { rowCount: 0 };
  return { responsesChanged: writes.responseIds.length, unitsRescored: rowCount ?? 0, itemsRedone: stale.length };
}

function collectWrites(writes: TWrites, snapshot: TRebuildSnapshot, plan: TRebuildPlan, items: Iterable<number>, mode: TRebuildMode): void {
  for (const item of items) {
    // a refit recomputes the posteriors from every judgment it read, queued ones included
    if (mode === "refit") writes.counted.push(...(snapshot.queued.get(item) ?? []));
    for (let r = snapshot.itemStart[item]; r < snapshot.itemStart[item + 1]; r++) {
      if (!plan.isResponseChanged[r]) continue;
      writes.responseIds.push(snapshot.responseIds[r]);
      writes.mu.push(plan.mean[r]);
      writes.sigma2.push(plan.variance[r]);
    }
    for (let k = snapshot.unitStart[item]; k < snapshot.unitStart[item + 1]; k++) {
      const u = snapshot.unitOrder[k];
      if (!plan.isUnitChanged[u]) continue;
      writes.unitIds.push(snapshot.units.ids[u]);
      writes.priorities.push(plan.priority[u]);
    }
  }
}

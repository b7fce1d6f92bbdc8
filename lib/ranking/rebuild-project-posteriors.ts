import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Posterior } from "@/lib/sampling";
import { computeRebuild, type TRebuildMode } from "./compute-rebuild";
import { loadRebuildSnapshot, type TRebuildSnapshot } from "./load-rebuild-snapshot";
import { priorsFromSignals } from "./priors-from-signals";
import { writeRebuildChunk } from "./write-rebuild-chunk";

// Items per write transaction: a chunk holds its items' response locks while it writes, and a
// submit on one of them waits that long (≈ 0.1–0.5 s when every pair's priority changes).
const ITEMS_PER_CHUNK = 500;

/** itemsRedone: items recomputed under their locks because a judgment landed after the read. */
export type TRebuildResult = { items: number; responsesChanged: number; unitsRescored: number; itemsRedone: number; seconds: number };

/**
 * Recomputes every response posterior (`refit`: the prior from the scores and test results +
 * all judgments) or keeps them (`rescore`), then every pair's priority with the exact coverage
 * factor. Set-based: one consistent read of the whole project without locks (three streamed
 * queries), the math in memory, then only the items
 * with something to write, in chunks of one transaction each (see writeRebuildChunk for how a
 * judgment committing meanwhile is folded in rather than lost). Serving runs on the stored
 * priorities throughout.
 */
export async function rebuildProjectPosteriors(opts: { projectId: string; mode: TRebuildMode; onSnapshot?: () => Promise<void> }): Promise<TRebuildResult> {
  const started = Date.now();
  const snapshot = await readSnapshot(opts.projectId, opts.mode === "refit");
  const priors = snapshot.signals ? priorsFromSignals(snapshot.signals) : new Map<string, Posterior>();
  const plan = computeRebuild(snapshot, { mode: opts.mode, priors });
  // test seam: lets a test commit a judgment between the read and the writes
  await opts.onSnapshot?.();
  // an item with queued judgments is written in a refit even if nothing moved: the chunk takes
  // those judgments off the learning queue, since the refit counted them
  const dirty = [...plan.isItemDirty.keys()].filter((k) => plan.isItemDirty[k] || (opts.mode === "refit" && snapshot.queued.has(k)));
  const result: TRebuildResult = { items: snapshot.itemIds.length, responsesChanged: 0, unitsRescored: 0, itemsRedone: 0, seconds: 0 };
  for (let k = 0; k < dirty.length; k += ITEMS_PER_CHUNK) {
    const written = await withDeadlockRetry(() =>
      inTransaction((client) => writeRebuildChunk(client, { snapshot, plan, items: dirty.slice(k, k + ITEMS_PER_CHUNK), mode: opts.mode, priors })),
    );
    result.responsesChanged += written.responsesChanged;
    result.unitsRescored += written.unitsRescored;
    result.itemsRedone += written.itemsRedone;
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

// Should Postgres still find a deadlock with another writer of the chunk's rows (a units trigger
// writing a priority row), the chunk rolled back whole and is simply written again (it re-reads
// under its locks), a few times at most.
const DEADLOCK_RETRIES = 3;

async function withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= DEADLOCK_RETRIES || (error as { code?: string } | null)?.code !== "40P01") throw error;
    }
  }
}

async function readSnapshot(projectId: string, withSignals: boolean): Promise<TRebuildSnapshot> {
  // one snapshot for the three reads: judgments and the posteriors they produced agree
  return inTransaction((client) => loadRebuildSnapshot(client, { projectId }, { withSignals }), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

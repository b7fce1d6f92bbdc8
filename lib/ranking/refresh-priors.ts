import "server-only";
import { getPool } from "@/lib/db/client";
import { rebuildProjectPosteriors, type TRebuildResult } from "./rebuild-project-posteriors";

/**
 * After model scores or test results arrive (score upload, item import) and when a project starts
 * sampling actively: μ₀, σ₀² from modelPrior, judgments already collected folded back in, every
 * pair rescored. Only actively sampled pairwise projects keep posteriors; others return null.
 * This is the computation; the app runs it in the background (run-priors-refresh.ts).
 */
export async function refreshPriors(opts: { projectId: string }): Promise<TRebuildResult | null> {
  const { rows } = await getPool().query<{ mode: string; sampling: string }>("SELECT mode, sampling FROM projects WHERE id = $1", [opts.projectId]);
  if (rows[0]?.mode !== "pairwise" || rows[0]?.sampling !== "active") return null;
  const result = await rebuildProjectPosteriors({ projectId: opts.projectId, mode: "refit" });
  if (result.unitsRescored >= VACUUM_AFTER_RESCORED) {
    // housekeeping after the refresh's work is committed: if it cannot run (a role that does not
    // own the table, say), autovacuum still will, and the refresh has not failed
    await getPool()
      .query("VACUUM (ANALYZE) unit_priorities")
      .catch((error: unknown) => console.warn("[priors] vacuum of unit_priorities skipped:", error instanceof Error ? error.message : error));
  }
  return result;
}

// A refresh that rescores many pairs leaves as many dead entries in unit_priorities' indexes, at
// the top where every active choice starts reading; autovacuum would get to them within a minute
// or so, while every choice paid for them. The table is narrow, so vacuuming it at once costs a
// second or two of the background job (100k rescored pairs of 600k).
const VACUUM_AFTER_RESCORED = 10_000;

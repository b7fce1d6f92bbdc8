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
  return rebuildProjectPosteriors({ projectId: opts.projectId, mode: "refit" });
}

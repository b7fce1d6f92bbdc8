import "server-only";
import { rebuildProjectPosteriors, type TRebuildResult } from "./rebuild-project-posteriors";

/** Every pair's priority from the current posteriors (kept as they are) and exact label counts. */
export async function rescoreProjectUnits(opts: { projectId: string }): Promise<TRebuildResult> {
  return rebuildProjectPosteriors({ projectId: opts.projectId, mode: "rescore" });
}

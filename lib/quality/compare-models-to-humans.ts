import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { computeModelComparison } from "./compute-model-comparison";
import type { TQualitySnapshot } from "./compute-quality";
import { getQualitySnapshot } from "./get-quality-snapshot";
import { toFilterView, type TQualityQuery } from "./schemas";
import type { TModelsVersusHumans } from "./types";

/** The snapshot's model comparison, computed once (concurrent callers share it), then the votes are let go. */
function modelsOf(snapshot: TQualitySnapshot): NonNullable<TQualitySnapshot["models"]> {
  if (!snapshot.models) {
    const pending = computeModelComparison({ projectId: snapshot.project.id, mode: snapshot.project.mode, votes: snapshot.votes?.() ?? null });
    snapshot.models = pending;
    pending.then(
      () => (snapshot.votes = null),
      () => (snapshot.models = null),
    );
  }
  return snapshot.models;
}

/**
 * Models against humans, for staff: per score set in responses.scores, pairwise accuracy against
 * the human majority (overall and per aspect) and the pairs where the model confidently
 * disagrees. From the same cached snapshot as the agreement report; a score upload does not move
 * its fingerprint, so new scores show within the cache's time-to-live.
 */
export async function compareModelsToHumans(opts: { caller: TCaller; projectId: string; query: TQualityQuery }): Promise<TModelsVersusHumans> {
  const { snapshot } = await getQualitySnapshot(opts);
  return { ...(await modelsOf(snapshot)), computedAt: snapshot.computedAt, filter: toFilterView(opts.query) };
}

import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { refreshPriors } from "./refresh-priors";
import type { TRebuildResult } from "./rebuild-project-posteriors";

/**
 * The periodic batch refit that corrects the online updates' drift (order dependence of
 * Weng–Lin, updates skipped under lock contention, the coverage factor left stale on untouched
 * pairs): every item's posterior refitted from its prior and all its judgments, every pair
 * rescored. Triggered by staff (the rankings page button or POST …/rankings/refit); it is the same
 * computation as refreshPriors, which also picks up changed scores.
 */
export async function refitProject(opts: { caller: TCaller; projectId: string }): Promise<TRebuildResult & { skipped: boolean }> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const result = await refreshPriors({ projectId: opts.projectId });
  if (result) await recordAudit({ actorId: opts.caller.id, action: "project.refit", targetType: "project", targetId: opts.projectId, details: result });
  return result ? { ...result, skipped: false } : { items: 0, responsesChanged: 0, unitsRescored: 0, seconds: 0, skipped: true };
}

import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPool } from "@/lib/db/client";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { getPriorsStatus } from "./get-priors-status";
import type { TRebuildResult } from "./rebuild-project-posteriors";
import { requestPriorsRefresh } from "./request-priors-refresh";
import { runPriorsRefreshNow } from "./schedule-priors-refresh";
import type { TPriorsStatus } from "./schemas";

export type TRefitResult = Omit<TRebuildResult, "itemsRedone"> & { skipped: boolean; priors: TPriorsStatus };

/**
 * The periodic batch refit that corrects the online updates' drift (order dependence of
 * Weng–Lin, updates skipped under lock contention, the coverage factor left stale on untouched
 * pairs): every item's posterior refitted from its prior and all its judgments, every pair
 * rescored. Triggered by staff (the rankings page button or POST …/rankings/refit); it is the
 * priors refresh (which also picks up changed scores), run now and waited for, behind a
 * background run of the same project if one is going. A failed or interrupted refresh is retried
 * here. The counts are those of the run that covered this request.
 */
export async function refitProject(opts: { caller: TCaller; projectId: string }): Promise<TRefitResult> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const request = await requestPriorsRefresh(getPool(), opts.projectId);
  if (request !== null) await runPriorsRefreshNow(opts.projectId);
  const priors = await getPriorsStatus(opts.projectId);
  if (request === null) return { items: 0, responsesChanged: 0, unitsRescored: 0, seconds: 0, skipped: true, priors };
  const result = { items: priors.items ?? 0, responsesChanged: priors.responsesChanged ?? 0, unitsRescored: priors.unitsRescored ?? 0, seconds: priors.seconds ?? 0 };
  await recordAudit({ actorId: opts.caller.id, action: "project.refit", targetType: "project", targetId: opts.projectId, details: result });
  return { ...result, skipped: false, priors };
}

import "server-only";
import { randomInt } from "node:crypto";
import { getPool } from "@/lib/db/client";
import type { TCaller } from "@/lib/auth/caller";
import { sweepIfDue } from "./sweep-expired-leases";
import { chooseUnitForProject } from "./choose-unit-for-project";
import { loadAssignmentView } from "./load-assignment-view";
import { loadProjectForChoice } from "./load-project-for-choice";
import type { TAssignmentView } from "./schemas";

const random = () => randomInt(0, 2 ** 47) / 2 ** 47;

// The caller's live lease comes back first (a reload resumes where it was); `exclude` lets the
// client fetch the one after it ahead of time. Every statement here commits on its own: the
// lease statement locks, leases and reads the view at once (lib/assignment/lease-unit.ts), so a
// random choice costs two round trips after authentication.
export async function getNextAssignment(opts: { caller: TCaller; projectId: string; exclude?: string[] }): Promise<TAssignmentView | null> {
  const { caller, projectId } = opts;
  const { project, liveAssignmentId } = await loadProjectForChoice({ caller, projectId, exclude: opts.exclude ?? [] });
  if (liveAssignmentId) return loadAssignmentView(liveAssignmentId);

  const hasSwept = await sweepIfDue(projectId);
  let leased = await chooseUnitForProject(getPool(), { project, userId: caller.id, random });
  // nothing left, but the last sweep was a moment ago: leases that expired since may free a unit
  if (!leased && !hasSwept) {
    await sweepIfDue(projectId, { force: true });
    leased = await chooseUnitForProject(getPool(), { project, userId: caller.id, random });
  }
  return leased?.view ?? null;
}

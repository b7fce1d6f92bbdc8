import "server-only";
import { randomInt } from "node:crypto";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { sweepIfDue } from "./sweep-expired-leases";
import { chooseUnitForProject } from "./choose-unit-for-project";
import { leaseUnit } from "./lease-unit";
import { loadAssignmentView } from "./load-assignment-view";
import { loadProjectForChoice, type TProjectForLease } from "./load-project-for-choice";
import type { TAssignmentView } from "./schemas";

const random = () => randomInt(0, 2 ** 47) / 2 ** 47;

// The caller's live lease comes back first (a reload resumes where it was); `exclude` lets the
// client fetch the one after it ahead of time.
export async function getNextAssignment(opts: { caller: TCaller; projectId: string; exclude?: string[] }): Promise<TAssignmentView | null> {
  const { caller, projectId } = opts;
  if (caller.role === "TRAINER") throw new AppError("forbidden", "Trainers do not annotate; use an annotator or admin account");
  const access = await assertProjectAccess({ caller, projectId });
  if (caller.role === "ANNOTATOR" && !access.member) throw new AppError("forbidden", "Not a member of this project");
  if (access.paused) throw new AppError("forbidden", "Your work on this project is paused by an admin");

  const { project, liveAssignmentId } = await loadProjectForChoice({ projectId, userId: caller.id, exclude: opts.exclude ?? [] });
  if (liveAssignmentId) return loadAssignmentView(liveAssignmentId);

  const hasSwept = await sweepIfDue(projectId);
  let assignmentId = await leaseNextUnit(project, caller.id);
  // nothing left, but the last sweep was a moment ago: leases that expired since may free a unit
  if (!assignmentId && !hasSwept) {
    await sweepIfDue(projectId, { force: true });
    assignmentId = await leaseNextUnit(project, caller.id);
  }
  return assignmentId ? loadAssignmentView(assignmentId) : null;
}

async function leaseNextUnit(project: TProjectForLease, userId: string): Promise<string | null> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const chosen = await chooseUnitForProject(client, { project, userId, random });
    if (!chosen) {
      await client.query("ROLLBACK");
      return null;
    }
    const assignmentId = await leaseUnit(client, { projectId: project.id, userId, chosen, leaseSeconds: project.leaseSeconds });
    await client.query("COMMIT");
    return assignmentId;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

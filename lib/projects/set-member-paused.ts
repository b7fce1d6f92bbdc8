import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";

// A paused member keeps their judgments and live leases but is given no new assignments
// (getNextAssignment refuses them).
export async function setMemberPaused(opts: { projectId: string; userId: string; paused: boolean; actorId: string }) {
  const { rows } = await getPool().query<{ email: string; was_paused: boolean }>(
    `UPDATE project_members m SET paused = $3
       FROM users u, project_members old
      WHERE m.project_id = $1 AND m.user_id = $2 AND u.id = m.user_id
        AND old.project_id = m.project_id AND old.user_id = m.user_id
     RETURNING u.email, old.paused AS was_paused`,
    [opts.projectId, opts.userId, opts.paused],
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", "That user is not a member of this project");
  if (row.was_paused !== opts.paused) {
    await recordAudit({
      actorId: opts.actorId,
      action: opts.paused ? "project.member.pause" : "project.member.unpause",
      targetType: "project",
      targetId: opts.projectId,
      details: { userId: opts.userId, email: row.email },
    });
  }
  return { userId: opts.userId, email: row.email, paused: opts.paused };
}

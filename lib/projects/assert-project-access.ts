import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";

// ADMIN and TRAINER see every project; an annotator only those they are a member of.
// A non-member gets 404 rather than 403, so project ids cannot be probed.
export async function assertProjectAccess(opts: { caller: TCaller; projectId: string; staffOnly?: boolean }) {
  const { caller, projectId } = opts;
  const { rows } = await getPool().query<{ id: string; mode: string; member: boolean; paused: boolean | null }>(
    `SELECT p.id, p.mode, m.user_id IS NOT NULL AS member, m.paused
       FROM projects p LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = $2
      WHERE p.id = $1 AND p.archived_at IS NULL`,
    [projectId, caller.id],
  );
  const row = rows[0];
  const isStaff = caller.role === "ADMIN" || caller.role === "TRAINER";
  if (!row || (!isStaff && !row.member)) throw new AppError("not_found", "No such project");
  if (opts.staffOnly && !isStaff) throw new AppError("forbidden", "Only admins and trainers may do this");
  return { member: row.member, paused: row.paused ?? false };
}

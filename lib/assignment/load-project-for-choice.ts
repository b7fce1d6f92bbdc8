import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import type { TProjectForChoice } from "./choose-unit";

export type TProjectForLease = TProjectForChoice & { leaseSeconds: number; mode: string };

// The project's sampling settings, the caller's access to it and their live lease, if any, in one
// round trip. Access as lib/projects/assert-project-access.ts decides it: an annotator who is not
// a member gets 404 (project ids cannot be probed); a paused member is refused.
// A lease about to expire is not resumed, so the annotator is not handed one they cannot finish.
export async function loadProjectForChoice(opts: { caller: TCaller; projectId: string; exclude: string[] }): Promise<{ project: TProjectForLease; liveAssignmentId: string | null }> {
  const { caller } = opts;
  if (caller.role === "TRAINER") throw new AppError("forbidden", "Trainers do not annotate; use an annotator or admin account");
  const { rows } = await getPool().query<{
    id: string; mode: string; sampling: "random" | "active"; gold_rate: number; epsilon: number; reserve_share: number; lease_seconds: number;
    is_member: boolean; is_paused: boolean; live_id: string | null;
  }>({
    name: "load-project-for-choice",
    text: `SELECT p.id, p.mode, p.sampling, p.gold_rate, p.epsilon, p.reserve_share, p.lease_seconds,
                  m.user_id IS NOT NULL AS is_member, COALESCE(m.paused, false) AS is_paused,
                  (SELECT a.id FROM assignments a
                    WHERE a.user_id = $2 AND a.project_id = p.id AND a.status = 'LEASED' AND a.expires_at > now() + interval '30 seconds'
                      AND NOT (a.id = ANY($3::text[]))
                    ORDER BY a.leased_at LIMIT 1) AS live_id
             FROM projects p LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = $2
            WHERE p.id = $1 AND p.archived_at IS NULL`,
    values: [opts.projectId, caller.id, opts.exclude],
  });
  const row = rows[0];
  if (!row || (caller.role !== "ADMIN" && !row.is_member)) throw new AppError("not_found", "No such project");
  if (row.is_paused) throw new AppError("forbidden", "Your work on this project is paused by an admin");
  return {
    project: { id: row.id, mode: row.mode, sampling: row.sampling, goldRate: row.gold_rate, epsilon: row.epsilon, reserveShare: row.reserve_share, leaseSeconds: row.lease_seconds },
    liveAssignmentId: row.live_id,
  };
}

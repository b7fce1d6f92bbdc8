import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TProjectForChoice } from "./choose-unit";

export type TProjectForLease = TProjectForChoice & { leaseSeconds: number; mode: string };

// The project's sampling settings and the caller's live lease, if any, in one round trip.
// A lease about to expire is not resumed, so the annotator is not handed one they cannot finish.
export async function loadProjectForChoice(opts: { projectId: string; userId: string; exclude: string[] }): Promise<{ project: TProjectForLease; liveAssignmentId: string | null }> {
  const { rows } = await getPool().query<{
    id: string; mode: string; sampling: "random" | "active"; gold_rate: number; epsilon: number; reserve_share: number; lease_seconds: number; live_id: string | null;
  }>({
    name: "load-project-for-choice",
    text: `SELECT p.id, p.mode, p.sampling, p.gold_rate, p.epsilon, p.reserve_share, p.lease_seconds,
                  (SELECT a.id FROM assignments a
                    WHERE a.user_id = $2 AND a.project_id = p.id AND a.status = 'LEASED' AND a.expires_at > now() + interval '30 seconds'
                      AND NOT (a.id = ANY($3::text[]))
                    ORDER BY a.leased_at LIMIT 1) AS live_id
             FROM projects p WHERE p.id = $1`,
    values: [opts.projectId, opts.userId, opts.exclude],
  });
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such project");
  return {
    project: { id: row.id, mode: row.mode, sampling: row.sampling, goldRate: row.gold_rate, epsilon: row.epsilon, reserveShare: row.reserve_share, leaseSeconds: row.lease_seconds },
    liveAssignmentId: row.live_id,
  };
}

import "server-only";
import { getPool } from "@/lib/db/client";

export type TProjectMember = {
  userId: string;
  email: string;
  name: string | null;
  role: "ADMIN" | "TRAINER" | "ANNOTATOR";
  paused: boolean;
  disabled: boolean;
  joinedAt: Date;
  judgments: number;
  openLeases: number;
  lastJudgmentAt: Date | null;
};

export async function listProjectMembers(opts: { projectId: string }): Promise<TProjectMember[]> {
  const { rows } = await getPool().query<TProjectMember>(
    `SELECT u.id AS "userId", u.email, u.name, u.role, m.paused, u.disabled, m.created_at AS "joinedAt",
            COALESCE(j.judgments, 0) AS judgments, j.last_at AS "lastJudgmentAt",
            (SELECT count(*)::int FROM assignments a
              WHERE a.project_id = m.project_id AND a.user_id = m.user_id AND a.status = 'LEASED' AND a.expires_at > now()) AS "openLeases"
       FROM project_members m
       JOIN users u ON u.id = m.user_id
       LEFT JOIN (SELECT user_id, count(*)::int AS judgments, max(created_at) AS last_at
                    FROM judgments WHERE project_id = $1 GROUP BY user_id) j ON j.user_id = m.user_id
      WHERE m.project_id = $1
      ORDER BY u.email`,
    [opts.projectId],
  );
  return rows;
}

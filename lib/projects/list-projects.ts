import "server-only";
import { getPool } from "@/lib/db/client";
import type { TCaller } from "@/lib/auth/caller";

export type TProjectSummary = {
  id: string; name: string; mode: string; overlap: number; sampling: string; createdAt: Date;
  items: number; judgments: number; myJudgments: number; myOpen: number;
};

// Staff see all projects with totals; annotators see their memberships with their own progress only.
export async function listProjects(opts: { caller: TCaller }): Promise<TProjectSummary[]> {
  const isStaff = opts.caller.role !== "ANNOTATOR";
  const { rows } = await getPool().query<TProjectSummary>(
    `SELECT p.id, p.name, p.mode, p.overlap, p.sampling, p.created_at AS "createdAt",
            (SELECT count(*)::int FROM items i WHERE i.project_id = p.id) AS items,
            CASE WHEN $2 THEN (SELECT count(*)::int FROM judgments j WHERE j.project_id = p.id) ELSE 0 END AS judgments,
            (SELECT count(*)::int FROM judgments j WHERE j.project_id = p.id AND j.user_id = $1) AS "myJudgments",
            (SELECT count(*)::int FROM assignments a WHERE a.project_id = p.id AND a.user_id = $1 AND a.status = 'LEASED' AND a.expires_at > now()) AS "myOpen"
       FROM projects p
      WHERE p.archived_at IS NULL AND ($2 OR EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND m.user_id = $1))
      ORDER BY p.created_at DESC`,
    [opts.caller.id, isStaff],
  );
  return rows;
}

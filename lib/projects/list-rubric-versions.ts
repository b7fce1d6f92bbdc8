import "server-only";
import { getPool } from "@/lib/db/client";
import { ZStoredAspects, type TRubricAspect } from "./schemas";

export type TRubricVersion = {
  version: number;
  createdAt: Date;
  createdBy: string | null;
  rationale: string;
  aspects: TRubricAspect[];
  judgments: number;
};

// Newest first; read-only history for the rubric editor.
export async function listRubricVersions(opts: { projectId: string }): Promise<TRubricVersion[]> {
  const { rows } = await getPool().query<{ version: number; created_at: Date; email: string | null; rationale: string; aspects: unknown; judgments: number }>(
    `SELECT r.version, r.created_at, u.email, r.rationale, r.aspects,
            COALESCE(c.judgments, 0) AS judgments
       FROM rubrics r
       LEFT JOIN users u ON u.id = r.created_by_id
       LEFT JOIN (SELECT rubric_id, count(*)::int AS judgments FROM judgments WHERE project_id = $1 GROUP BY rubric_id) c ON c.rubric_id = r.id
      WHERE r.project_id = $1
      ORDER BY r.version DESC`,
    [opts.projectId],
  );
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.email,
    rationale: r.rationale,
    aspects: ZStoredAspects.parse(r.aspects),
    judgments: r.judgments,
  }));
}

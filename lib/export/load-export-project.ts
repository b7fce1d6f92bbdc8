import "server-only";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors/app-error";
import { ZStoredAspects, type TRubricAspect } from "@/lib/projects/schemas";

export type TExportProject = {
  id: string;
  name: string;
  mode: "pairwise" | "rating" | "ranking";
  goldThreshold: number;
  /** The rubric the export describes: the filtered version, else the newest. */
  rubric: { version: number; aspects: TRubricAspect[] } | null;
  /** Programming languages of the items, sorted. */
  languages: string[];
};

/** What an export needs to know about its project, read inside the export's snapshot. */
export async function loadExportProject(client: PoolClient, { projectId, rubricVersion }: { projectId: string; rubricVersion?: number }): Promise<TExportProject> {
  const { rows } = await client.query<{ id: string; name: string; mode: TExportProject["mode"]; gold_threshold: number; version: number | null; aspects: unknown; languages: string[] }>(
    `SELECT p.id, p.name, p.mode, p.gold_threshold, r.version, r.aspects,
            ARRAY(SELECT DISTINCT language FROM items WHERE project_id = p.id ORDER BY 1) AS languages
       FROM projects p
       LEFT JOIN LATERAL (SELECT version, aspects FROM rubrics WHERE project_id = p.id AND ($2::int IS NULL OR version = $2)
                           ORDER BY version DESC LIMIT 1) r ON true
      WHERE p.id = $1 AND p.archived_at IS NULL`,
    [projectId, rubricVersion ?? null],
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such project");
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    goldThreshold: row.gold_threshold,
    rubric: row.version === null ? null : { version: row.version, aspects: ZStoredAspects.parse(row.aspects) },
    languages: row.languages,
  };
}

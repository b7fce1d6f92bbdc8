import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TProjectForImport } from "./write-item-batch";

export async function loadProjectForImport(projectId: string): Promise<TProjectForImport> {
  const { rows } = await getPool().query<TProjectForImport>("SELECT id, mode, overlap FROM projects WHERE id = $1 AND archived_at IS NULL", [projectId]);
  if (!rows[0]) throw new AppError("not_found", "No such project");
  return rows[0];
}

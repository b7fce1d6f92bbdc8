import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { SELECT_EXPORT_RECORDS, toExportRecordView, type TExportRecordView, type TRecordRow } from "./to-export-record-view";

/** One export record; a client checks a download's sha256 against it. */
export async function getExport({ caller, projectId, exportId }: { caller: TCaller; projectId: string; exportId: string }): Promise<TExportRecordView> {
  await assertProjectAccess({ caller, projectId, staffOnly: true });
  const { rows } = await getPool().query<TRecordRow>(`${SELECT_EXPORT_RECORDS} WHERE e.project_id = $1 AND e.id = $2`, [projectId, exportId]);
  if (!rows[0]) throw new AppError("not_found", "No such export");
  return toExportRecordView(rows[0]);
}

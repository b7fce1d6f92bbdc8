import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { SELECT_EXPORT_RECORDS, toExportRecordView, type TExportRecordView, type TRecordRow } from "./to-export-record-view";

/** A project's exports, newest first: who ran them, with which parameters, and what came out. */
export async function listExports({ caller, projectId, limit = 50 }: { caller: TCaller; projectId: string; limit?: number }): Promise<TExportRecordView[]> {
  await assertProjectAccess({ caller, projectId, staffOnly: true });
  const { rows } = await getPool().query<TRecordRow>(`${SELECT_EXPORT_RECORDS} WHERE e.project_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT $2`, [projectId, limit]);
  return rows.map(toExportRecordView);
}


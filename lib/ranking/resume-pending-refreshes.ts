import "server-only";
import { getPool } from "@/lib/db/client";
import { schedulePriorsRefresh } from "./schedule-priors-refresh";

/**
 * Schedules every refresh left pending by a crash, a restart or a failure (at server start, see
 * instrumentation.ts). Several app processes may all do this: the advisory lock lets one run each.
 */
export async function resumePendingRefreshes(): Promise<string[]> {
  const { rows } = await getPool().query<{ project_id: string }>("SELECT project_id FROM prior_refreshes WHERE request_seq > done_seq ORDER BY requested_at");
  for (const row of rows) schedulePriorsRefresh(row.project_id);
  return rows.map((r) => r.project_id);
}

import "server-only";
import { getPool } from "@/lib/db/client";
import type { TPriorsStatus } from "./schemas";

// `running` is read from the run's advisory lock (run-priors-refresh.ts), not only the stored
// status: a run whose process died left status running behind, but its lock went with its
// connection, so it shows as pending.
const STATUS_SQL = `
  SELECT r.status, r.request_seq > r.done_seq AS is_stale, r.requested_at, r.started_at, r.finished_at, r.seconds,
         r.items, r.responses_changed, r.units_rescored,
         EXISTS (SELECT 1 FROM pg_locks l
                  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                    AND l.classid = hashtext('refresh-priors')::oid AND l.objid = hashtext(r.project_id)::oid
                    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS is_running
    FROM prior_refreshes r WHERE r.project_id = $1`;

type TStatusRow = {
  status: string;
  is_stale: boolean;
  is_running: boolean;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  seconds: number | null;
  items: number | null;
  responses_changed: number | null;
  units_rescored: number | null;
};

/** Where the project's background priors refresh stands; `none` when it never needed one. */
export async function getPriorsStatus(projectId: string): Promise<TPriorsStatus> {
  const { rows } = await getPool().query<TStatusRow>(STATUS_SQL, [projectId]);
  const row = rows[0];
  if (!row) return { status: "none", requestedAt: null, startedAt: null, finishedAt: null, seconds: null, items: null, responsesChanged: null, unitsRescored: null };
  const status = row.is_running ? "running" : row.status === "failed" ? "failed" : row.is_stale ? "pending" : "done";
  return {
    status,
    requestedAt: row.requested_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    seconds: row.seconds,
    items: row.items,
    responsesChanged: row.responses_changed,
    unitsRescored: row.units_rescored,
  };
}

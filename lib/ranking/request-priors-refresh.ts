import "server-only";
import type { PoolClient } from "pg";

// Only actively sampled pairwise projects keep posteriors; for any other project this is a no-op.
// Run inside the transaction that changed the data, so the request commits (or rolls back) with
// it: a run that starts later waits for this row's lock and then sees both.
const REQUEST_SQL = `
  INSERT INTO prior_refreshes AS r (project_id, status, request_seq, requested_at)
  SELECT p.id, 'pending', 1, clock_timestamp() FROM projects p WHERE p.id = $1 AND p.mode = 'pairwise' AND p.sampling = 'active'
  ON CONFLICT (project_id) DO UPDATE
     SET request_seq = r.request_seq + 1, requested_at = excluded.requested_at,
         status = CASE WHEN r.status = 'running' THEN r.status ELSE 'pending' END
  RETURNING request_seq`;

/**
 * Marks the project's priors stale (new items, new scores, active sampling switched on). The
 * caller schedules the refresh after its commit (schedulePriorsRefresh); until it has run,
 * serving uses the previous priorities. Returns the request's sequence number, or null when the
 * project keeps no posteriors.
 */
export async function requestPriorsRefresh(client: Pick<PoolClient, "query">, projectId: string): Promise<number | null> {
  const { rows } = await client.query<{ request_seq: number }>(REQUEST_SQL, [projectId]);
  return rows[0]?.request_seq ?? null;
}

import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db/client";
import { refreshPriors } from "./refresh-priors";

// Two int4 keys, like the lease sweeper's lock (sweep-expired-leases.ts); get-priors-status.ts
// looks for the same keys in pg_locks.
const REFRESH_LOCK_KEYS = "hashtext('refresh-priors'), hashtext($1)";

export type TRunOutcome = "ran" | "nothing-pending" | "busy";

/**
 * Runs the project's pending priors refresh. One run per project at a time across every app
 * process: a session advisory lock, held by one connection for the whole run (the refresh itself
 * commits in many transactions). A crash drops the connection and with it the lock; the request
 * stays pending. A run claims every request made so far and goes round again for requests that
 * arrive meanwhile. `wait`: queue behind another process's run instead of leaving the work to it.
 */
export async function runPriorsRefresh(opts: { projectId: string; wait?: boolean }): Promise<TRunOutcome> {
  let outcome: TRunOutcome = "nothing-pending";
  for (;;) {
    const client = await getPool().connect();
    let isHealthy = false;
    try {
      const isLocked = opts.wait
        ? (await client.query(`SELECT pg_advisory_lock(${REFRESH_LOCK_KEYS})`, [opts.projectId]), true)
        : (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${REFRESH_LOCK_KEYS}) AS ok`, [opts.projectId])).rows[0].ok;
      if (!isLocked) {
        isHealthy = true;
        return "busy";
      }
      while (await runClaimedRequests(client, opts.projectId)) outcome = "ran";
      await client.query(`SELECT pg_advisory_unlock(${REFRESH_LOCK_KEYS})`, [opts.projectId]);
      isHealthy = true;
    } finally {
      // on any failure the connection is closed rather than reused, which also releases the lock
      client.release(isHealthy ? undefined : true);
    }
    // A request that committed after the last claim but before the unlock found the lock taken
    // and left its work to this run: look once more.
    const { rows } = await getPool().query("SELECT 1 FROM prior_refreshes WHERE project_id = $1 AND request_seq > done_seq", [opts.projectId]);
    if (!rows.length) return outcome;
  }
}

// Claims the requests so far, refreshes, records the result; false when nothing was pending.
async function runClaimedRequests(client: PoolClient, projectId: string): Promise<boolean> {
  const { rows } = await client.query<{ request_seq: number }>(
    "UPDATE prior_refreshes SET status = 'running', started_at = clock_timestamp(), error = NULL WHERE project_id = $1 AND request_seq > done_seq RETURNING request_seq",
    [projectId],
  );
  if (!rows.length) return false;
  const claimed = rows[0].request_seq;
  const started = Date.now();
  try {
    const result = await refreshPriors({ projectId });
    await client.query(
      `UPDATE prior_refreshes SET done_seq = GREATEST(done_seq, $2), status = CASE WHEN request_seq > $2 THEN 'pending'::"PriorRefreshStatus" ELSE 'done' END,
              finished_at = clock_timestamp(), seconds = $3, items = $4, responses_changed = $5, units_rescored = $6
        WHERE project_id = $1`,
      [projectId, claimed, (Date.now() - started) / 1000, result?.items ?? null, result?.responsesChanged ?? null, result?.unitsRescored ?? null],
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await client
      .query("UPDATE prior_refreshes SET status = 'failed', finished_at = clock_timestamp(), seconds = $3, error = $2 WHERE project_id = $1", [projectId, message.slice(0, 1000), (Date.now() - started) / 1000])
      .catch(() => {});
    throw error;
  }
  return true;
}

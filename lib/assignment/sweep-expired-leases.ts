import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db/client";

// Abandoned leases return their unit to the pool. Runs lazily before choosing, so no scheduler
// is needed and any app server may do it; cheap when nothing has expired (index on status, expires_at).
// One sweeper per project at a time (transaction-scoped advisory lock): two sweeps updating the
// same units in different orders could deadlock.
export async function sweepExpiredLeases(db: pg.Pool | pg.PoolClient, projectId: string): Promise<number> {
  const { rowCount } = await db.query({
    name: "sweep-expired-leases",
    text: `WITH expired AS (
             UPDATE assignments SET status = 'EXPIRED'
              WHERE id IN (SELECT id FROM assignments WHERE status = 'LEASED' AND expires_at < now() AND project_id = $1
                              AND pg_try_advisory_xact_lock(hashtext('sweep-expired-leases'), hashtext($1))
                           FOR UPDATE SKIP LOCKED)
              RETURNING unit_id
           ), counts AS (SELECT unit_id, count(*)::int AS n FROM expired GROUP BY unit_id)
           UPDATE units u SET lease_count = GREATEST(0, u.lease_count - c.n),
                              open = u.judgment_count + GREATEST(0, u.lease_count - c.n) < u.target
             FROM counts c WHERE u.id = c.unit_id`,
    values: [projectId],
  });
  return rowCount ?? 0;
}

const SWEEP_INTERVAL_MS = 1000;
const lastSweepAt = new Map<string, number>();

// At most one sweep a second per project and process: under load the sweep would otherwise cost
// a round trip on every request. `force` sweeps anyway (when nothing was left to choose).
export async function sweepIfDue(projectId: string, opts: { force?: boolean } = {}): Promise<boolean> {
  const now = Date.now();
  if (!opts.force && now - (lastSweepAt.get(projectId) ?? 0) < SWEEP_INTERVAL_MS) return false;
  lastSweepAt.set(projectId, now);
  await sweepExpiredLeases(getPool(), projectId);
  return true;
}

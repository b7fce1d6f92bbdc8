import "server-only";
import type { PoolClient } from "pg";

// Abandoned leases return their unit to the pool. Runs lazily before choosing, so no scheduler
// is needed and any app server may do it; cheap when nothing has expired (index on status, expires_at).
export async function sweepExpiredLeases(client: PoolClient, projectId: string): Promise<number> {
  const { rowCount } = await client.query(
    `WITH expired AS (
       UPDATE assignments SET status = 'EXPIRED'
        WHERE id IN (SELECT id FROM assignments WHERE status = 'LEASED' AND expires_at < now() AND project_id = $1
                     FOR UPDATE SKIP LOCKED)
        RETURNING unit_id
     ), counts AS (SELECT unit_id, count(*)::int AS n FROM expired GROUP BY unit_id)
     UPDATE units u SET lease_count = GREATEST(0, u.lease_count - c.n),
                        open = u.judgment_count + GREATEST(0, u.lease_count - c.n) < u.target
       FROM counts c WHERE u.id = c.unit_id`,
    [projectId],
  );
  return rowCount ?? 0;
}

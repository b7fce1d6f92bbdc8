import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db/client";

// Counting 600k open units costs tens of ms, too much per request; the random strategy's
// propensity only needs it approximately. The count is cached per project and refreshed in the
// background once stale, so no request waits for it after the first (and a stale cache does not
// send every concurrent request to count at once).
const cache = new Map<string, { value: number; at: number; isRefreshing: boolean }>();
const TTL_MS = 10_000;
const COUNT_SQL = "SELECT count(*)::int AS n FROM units WHERE project_id = $1 AND open AND NOT is_gold";

// `db` serves the first count: a caller inside a transaction passes its own connection, since
// waiting for a second pool connection while holding one could exhaust the pool.
export async function countOpenUnits(db: Pick<PoolClient, "query">, projectId: string): Promise<number> {
  const hit = cache.get(projectId);
  if (hit) {
    if (Date.now() - hit.at > TTL_MS && !hit.isRefreshing) {
      hit.isRefreshing = true;
      getPool()
        .query<{ n: number }>(COUNT_SQL, [projectId])
        .then(({ rows }) => cache.set(projectId, { value: rows[0].n, at: Date.now(), isRefreshing: false }))
        .catch(() => (hit.isRefreshing = false));
    }
    return hit.value;
  }
  const { rows } = await db.query<{ n: number }>(COUNT_SQL, [projectId]);
  cache.set(projectId, { value: rows[0].n, at: Date.now(), isRefreshing: false });
  return rows[0].n;
}

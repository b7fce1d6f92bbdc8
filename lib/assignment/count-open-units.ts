import "server-only";
import type { PoolClient } from "pg";
import { inTransaction } from "@/lib/db/in-transaction";

// Counting 600k open units costs ~100 ms of CPU, far too much per request; the random strategy's
// propensity only needs it approximately (units close at most a few percent a minute at 200
// judgments/s). The count is cached per project and refreshed in the background once a minute, on
// one core: with parallel workers the refresh took both cores for ~120 ms, and every request in
// flight then waited (it was most of the annotation benchmark's p99). No request waits for it
// after the first, and a stale cache does not send every concurrent request to count at once.
const cache = new Map<string, { value: number; at: number; isRefreshing: boolean }>();
const TTL_MS = 60_000;
const COUNT_SQL = "SELECT count(*)::int AS n FROM units WHERE project_id = $1 AND open AND NOT is_gold";

function countOnOneCore(projectId: string): Promise<number> {
  return inTransaction(async (client) => {
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
    const { rows } = await client.query<{ n: number }>(COUNT_SQL, [projectId]);
    return rows[0].n;
  });
}

// `db` serves the first count: a caller inside a transaction passes its own connection, since
// waiting for a second pool connection while holding one could exhaust the pool.
export async function countOpenUnits(db: Pick<PoolClient, "query">, projectId: string): Promise<number> {
  const hit = cache.get(projectId);
  if (hit) {
    if (Date.now() - hit.at > TTL_MS && !hit.isRefreshing) {
      hit.isRefreshing = true;
      countOnOneCore(projectId)
        .then((value) => cache.set(projectId, { value, at: Date.now(), isRefreshing: false }))
        .catch(() => (hit.isRefreshing = false));
    }
    return hit.value;
  }
  const { rows } = await db.query<{ n: number }>(COUNT_SQL, [projectId]);
  cache.set(projectId, { value: rows[0].n, at: Date.now(), isRefreshing: false });
  return rows[0].n;
}

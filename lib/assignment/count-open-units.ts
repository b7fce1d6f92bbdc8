import "server-only";
import type { PoolClient } from "pg";

// Counting 600k open units costs tens of ms, too much per request; the random strategy's
// propensity only needs it approximately, so it is cached per project for a few seconds.
const cache = new Map<string, { value: number; at: number }>();
const TTL_MS = 10_000;

// Runs on the caller's connection: the caller holds one inside a transaction already.
export async function countOpenUnits(client: PoolClient, projectId: string): Promise<number> {
  const hit = cache.get(projectId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE project_id = $1 AND open AND NOT is_gold", [projectId]);
  cache.set(projectId, { value: rows[0].n, at: Date.now() });
  return rows[0].n;
}

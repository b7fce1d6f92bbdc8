import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db/client";

/**
 * Runs an export on one connection inside one REPEATABLE READ, READ ONLY transaction: every query
 * of the export (gold standing, weights, each pass of a bundle) sees the same snapshot, so the
 * counts on the card match the files even while annotators keep submitting.
 */
export async function withExportSnapshot<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  let isBroken = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // the export's queries are many small batches: starting parallel workers for each costs more
    // than it saves, and one export should not take every core from the annotators' requests
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      isBroken = true;
    });
    throw error;
  } finally {
    client.release(isBroken);
  }
}

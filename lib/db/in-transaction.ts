import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "./client";

/**
 * Runs `work` on one pooled connection inside a transaction: committed when it resolves, rolled
 * back when it throws (the error goes on to the caller), and the connection released either way.
 * `begin` sets the isolation level, e.g. "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY".
 */
export async function inTransaction<T>(work: (client: PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

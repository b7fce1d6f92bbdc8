import "server-only";
import { getPool } from "@/lib/db/client";
import { streamClientRows } from "@/lib/db/stream-client-rows";

/**
 * Runs one query and hands each row, as an array, to `onRow` while the result is still arriving,
 * without collecting the rows: a million-row result is read as it streams, and each row array is
 * garbage the moment `onRow` returns. `workMem` raises work_mem for this query only (SET LOCAL in
 * its own transaction), so its hash joins stay in memory. Resolves with the row count.
 */
export async function streamRows(query: { text: string; values: unknown[] }, onRow: (row: unknown[]) => void, opts: { workMem?: string } = {}): Promise<number> {
  const client = await getPool().connect();
  let count = 0;
  try {
    await client.query("BEGIN READ ONLY");
    if (opts.workMem) await client.query(`SET LOCAL work_mem = '${opts.workMem.replace(/[^0-9A-Za-z]/g, "")}'`);
    count = await streamClientRows(client, query, onRow);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return count;
}

import "server-only";
import pg from "pg";
import { getPool } from "@/lib/db/client";

/**
 * Runs one query and hands each row, as an array, to `onRow` while the result is still arriving,
 * without collecting the rows: a million-row result is read as it streams, and each row array is
 * garbage the moment `onRow` returns. `workMem` raises work_mem for this query only (SET LOCAL in
 * its own transaction), so its hash joins stay in memory. Resolves with the row count.
 */
export async function streamRows(query: { text: string; values: unknown[] }, onRow: (row: unknown[]) => void, opts: { workMem?: string } = {}): Promise<number> {
  const client = await getPool().connect();
  let count = 0;
  let failure: unknown = null;
  try {
    await client.query("BEGIN READ ONLY");
    if (opts.workMem) await client.query(`SET LOCAL work_mem = '${opts.workMem.replace(/[^0-9A-Za-z]/g, "")}'`);
    await new Promise<void>((resolve, reject) => {
      const config: pg.QueryArrayConfig = { text: query.text, values: query.values, rowMode: "array" };
      const submitted = client.query(new pg.Query(config));
      submitted.on("row", (row: unknown[]) => {
        if (failure) return;
        count++;
        try {
          onRow(row);
        } catch (error) {
          // keep draining the result so the connection goes back to the pool in a clean state
          failure = error;
        }
      });
      submitted.on("error", reject);
      submitted.on("end", () => (failure ? reject(failure) : resolve()));
    });
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return count;
}

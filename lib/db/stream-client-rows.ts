import "server-only";
import pg from "pg";

/**
 * Runs one query on `client` and hands each row, as an array, to `onRow` while the result is still
 * arriving, without collecting the rows. The caller owns the client and its transaction (so
 * several streamed queries can share one snapshot). An exception in `onRow` is rethrown after the
 * result has been drained, so the connection stays usable. Resolves with the row count.
 */
export async function streamClientRows(client: pg.PoolClient, query: { text: string; values: unknown[] }, onRow: (row: unknown[]) => void): Promise<number> {
  let count = 0;
  let failure: unknown = null;
  await new Promise<void>((resolve, reject) => {
    const config: pg.QueryArrayConfig = { text: query.text, values: query.values, rowMode: "array" };
    const submitted = client.query(new pg.Query(config));
    submitted.on("row", (row: unknown[]) => {
      if (failure) return;
      count++;
      try {
        onRow(row);
      } catch (error) {
        failure = error;
      }
    });
    submitted.on("error", reject);
    submitted.on("end", () => (failure ? reject(failure) : resolve()));
  });
  return count;
}

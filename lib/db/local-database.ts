import path from "node:path";
import { isPortFree, startEmbeddedPostgres, type EmbeddedDb } from "./embedded";

// DATABASE_URL when it is set; otherwise the embedded Postgres in .data/pg (started if needed).
export const DEV_DATA_DIR = path.resolve(process.cwd(), ".data", "pg");
export const DEV_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320);

export async function resolveDatabase(opts: { log?: (line: string) => void } = {}): Promise<EmbeddedDb & { embedded: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  let port = DEV_PG_PORT;
  while (!(await isPortFree(port)) && port < DEV_PG_PORT + 20) port += 1;
  const db = await startEmbeddedPostgres({ dir: DEV_DATA_DIR, port, database: "codejudge", log: opts.log });
  process.env.DATABASE_URL = db.url;
  return { ...db, embedded: true };
}

import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, freePort } from "../../lib/db/embedded";
import { applyMigrations } from "../../scripts/migrate";

export type TBenchDatabase = { url: string; isFresh: boolean; stop: () => Promise<void> };

// The bench gets a database of its own: `name` on DATABASE_URL's server, or, without one, on an
// embedded cluster in .data/pg-bench. Only that database is ever dropped. A fresh one may start as
// a copy of `template` (another bench's data; the copy fails while that database has sessions,
// and the fresh database is then empty).
export async function openBenchDatabase(opts: { name: string; reuse: boolean; template?: string }): Promise<TBenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({ dir: path.resolve(".data", "pg-bench"), port: await freePort(), database: "postgres" });
    serverUrl = server.url;
    stop = server.stop;
  }
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.name])).rowCount === 1;
  const isFresh = !(opts.reuse && exists);
  let copied = false;
  if (isFresh) {
    await client.query(`DROP DATABASE IF EXISTS "${opts.name}" WITH (FORCE)`);
    copied = opts.template ? await client.query(`CREATE DATABASE "${opts.name}" TEMPLATE "${opts.template}"`).then(() => true, () => false) : false;
    if (!copied) await client.query(`CREATE DATABASE "${opts.name}"`);
  }
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${opts.name}`;
  applyMigrations(url.toString());
  return { url: url.toString(), isFresh: isFresh && !copied, stop };
}

/**
 * `name` dropped and created again as a file copy of `template` on the same server (which must
 * have no sessions): every run starts from the same data, whatever earlier runs judged.
 */
export async function copyBenchDatabase(opts: { serverUrl: string; name: string; template: string }): Promise<string> {
  const admin = new URL(opts.serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${opts.name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${opts.name}" TEMPLATE "${opts.template}" STRATEGY FILE_COPY`);
  } finally {
    await client.end();
  }
  const url = new URL(opts.serverUrl);
  url.pathname = `/${opts.name}`;
  return url.toString();
}

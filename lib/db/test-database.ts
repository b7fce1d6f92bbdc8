import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from "./embedded";

// Tests get their own database: DATABASE_URL's server when set (a fresh database on it), else an
// embedded cluster in .data/pg-test. The database is dropped and recreated, so every run starts empty.
export async function startTestDatabase(name = process.env.TEST_DB_NAME ?? "codejudge_test"): Promise<EmbeddedDb> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (base) {
    const admin = new URL(base);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dir: path.resolve(".data", "pg-test"), port: await freePort(), database: "postgres" });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: server.stop };
}

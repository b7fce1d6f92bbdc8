import { startTestDatabase } from "../lib/db/test-database";
import { applyMigrations } from "../scripts/migrate";

// Integration tests run on a real Postgres. Under `npm test` the database is ready; run alone
// (`npx vitest run --project integration`), this starts one.
export default async function setup() {
  if (process.env.TEST_DB_READY) return async () => {};
  const db = await startTestDatabase(process.env.TEST_DB_NAME ?? "codejudge_it");
  applyMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  process.env.TEST_DB_READY = "1";
  return async () => db.stop();
}

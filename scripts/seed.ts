// `npm run db:seed`: seeds the demo project once (no-op when users already exist).
import { resolveDatabase } from "../lib/db/local-database";
import { applyMigrations } from "./migrate";

const db = await resolveDatabase();
try {
  applyMigrations(db.url);
  const { seedDemo } = await import("../lib/seed/seed-demo");
  const { demoLoginsText } = await import("../lib/seed/demo-accounts");
  const { seeded } = await seedDemo();
  console.log(seeded ? "demo data seeded" : "database already has users: seed skipped");
  console.log(demoLoginsText());
} finally {
  const { getPool } = await import("../lib/db/client");
  await getPool().end();
  await db.stop();
}

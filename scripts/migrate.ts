import { spawnSync } from "node:child_process";
import { resolveDatabase } from "../lib/db/local-database";

// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded Postgres.
export function applyMigrations(url: string): void {
  const result = spawnSync(process.execPath, ["scripts/prisma-offline.mjs", "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await resolveDatabase();
  try {
    applyMigrations(db.url);
    console.log("migrations applied");
  } finally {
    await db.stop();
  }
}

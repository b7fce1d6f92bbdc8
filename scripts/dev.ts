// `npm run dev`: embedded Postgres (unless DATABASE_URL is set), migrations, demo seed once, then `next dev`.
import { spawn } from "node:child_process";
import { resolveDatabase } from "../lib/db/local-database";
import { ensureLocalSecret } from "../lib/db/dev-secret";
import { applyMigrations } from "./migrate";

const port = Number(process.env.PORT ?? 3000);
const db = await resolveDatabase();
console.log(db.embedded ? `embedded Postgres ready (${db.url.replace(/:[^:@]*@/, ":***@")}), data in .data/pg` : "using DATABASE_URL");
applyMigrations(db.url);
const { seedDemo } = await import("../lib/seed/seed-demo");
const { demoLoginsText } = await import("../lib/seed/demo-accounts");
const { seeded } = await seedDemo();
const { getPool } = await import("../lib/db/client");
await getPool().end();
console.log(seeded ? "demo data seeded" : "existing data kept");
console.log(demoLoginsText());
console.log(`\nCodeJudge on http://localhost:${port}\n`);

const env = {
  ...process.env,
  DATABASE_URL: db.url,
  NEXTAUTH_SECRET: ensureLocalSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
const nextBin = new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;
const child = spawn(process.execPath, [nextBin, "dev", "-p", String(port)], { stdio: "inherit", env });

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill("SIGTERM");
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));

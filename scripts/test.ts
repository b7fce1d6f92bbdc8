// `npm test`: the whole suite on a real Postgres: unit and integration tests (Vitest), then a
// production build and the end-to-end and API tests in Chromium (Playwright).
// `npm test -- unit` / `integration` / `e2e` runs one stage (all three by default).
import { spawnSync } from "node:child_process";
import { startTestDatabase } from "../lib/db/test-database";
import { applyMigrations } from "./migrate";

const stages = process.argv.slice(2).filter((a) => ["unit", "integration", "e2e"].includes(a));
const run = stages.length ? stages : ["unit", "integration", "e2e"];
const bin = (name: string) => new URL(`../node_modules/${name}`, import.meta.url).pathname;

function step(label: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  console.log(`\n=== ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) console.error(`=== ${label} FAILED (exit ${result.status})`);
  return result.status === 0;
}

const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "test-secret-not-for-production-0123456789" };
let ok = true;
if (run.includes("unit")) ok = step("unit tests", [bin("vitest/vitest.mjs"), "run", "--project", "unit"], baseEnv) && ok;

// Integration tests and the end-to-end run each get a fresh database: the e2e server seeds the
// demo accounts only into an empty one.
const stops: Array<() => Promise<void>> = [];
async function freshDatabase(name: string): Promise<string> {
  const db = await startTestDatabase(name);
  stops.push(db.stop);
  applyMigrations(db.url);
  return db.url;
}
const baseName = process.env.TEST_DB_NAME ?? "codejudge_test";
try {
  if (ok && run.includes("integration")) {
    const url = await freshDatabase(baseName);
    ok = step("integration tests (real Postgres)", [bin("vitest/vitest.mjs"), "run", "--project", "integration"], { ...baseEnv, DATABASE_URL: url, TEST_DB_READY: "1" }) && ok;
  }
  if (ok && run.includes("e2e")) {
    const env = { ...baseEnv, DATABASE_URL: await freshDatabase(`${baseName}_e2e`), TEST_DB_READY: "1" };
    ok = step("production build", [bin("next/dist/bin/next"), "build"], env) && ok;
    if (ok) ok = step("end-to-end and API tests (Chromium)", [bin("@playwright/test/cli.js"), "test"], env) && ok;
  }
} finally {
  for (const stop of stops.reverse()) await stop();
}
console.log(ok ? "\nall test stages passed" : "\nsome test stage failed");
process.exit(ok ? 0 : 1);

// Helper of scripts/ci-export-example.sh: a database of its own (DATABASE_URL's server, else the
// embedded cluster in .data/pg-test), migrated and seeded with the designed export project
// (tests/export-fixtures.ts), a trainer token, and `next start` on the existing build
// (NEXT_DIST_DIR, default .next; built first if missing). Writes {url, token, project} as JSON to
// the file named by argv[2] once /api/health answers, then serves until SIGTERM/SIGINT.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/db/embedded";
import { startTestDatabase } from "../lib/db/test-database";
import { applyMigrations } from "./migrate";

const infoFile = process.argv[2];
if (!infoFile) throw new Error("usage: ci-export-example.ts <info-file>");
const log = (s: string) => console.log(`[export-example] ${s}`);
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

const db = await startTestDatabase(process.env.EXPORT_EXAMPLE_DB ?? "cj_export_example");
let server: ChildProcess | null = null;
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), "cj-export-example-"));
let isStopping = false;
async function stop(code: number) {
  if (isStopping) return;
  isStopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server?.once("exit", r));
  }
  const { getPool } = await import("../lib/db/client");
  await getPool().end().catch(() => {});
  await db.stop();
  fs.rmSync(exportDir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

try {
  applyMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  const { seedExportProject } = await import("../tests/export-fixtures");
  const { createApiToken } = await import("../lib/tokens/create-api-token");
  const fixture = await seedExportProject();
  const { secret } = await createApiToken({ userId: fixture.trainer.id, label: "export example" });
  log(`seeded project ${fixture.projectId}`);

  const env = { ...process.env, DATABASE_URL: db.url, EXPORT_DIR: exportDir, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "export-example-secret-not-for-production-0123" };
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    log(`no build in ${distDir}: building`);
    if (spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env }).status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // as `npm start` runs it in production: two worker processes on one port (scripts/start.mjs)
  server = spawn(process.execPath, [path.resolve("scripts/start.mjs"), "-p", String(port), "-H", "127.0.0.1"], { stdio: "inherit", env: { ...env, NEXTAUTH_URL: url, WEB_CONCURRENCY: "2" } });
  server.on("exit", (code) => {
    if (!isStopping) {
      log(`the server exited (${code})`);
      void stop(1);
    }
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the server did not answer /api/health within 120 s");
    await new Promise((r) => setTimeout(r, 500));
  }
  fs.writeFileSync(infoFile, JSON.stringify({ url, token: secret, project: fixture.projectId }));
  log(`serving ${url}`);
} catch (error) {
  console.error(error);
  await stop(1);
}

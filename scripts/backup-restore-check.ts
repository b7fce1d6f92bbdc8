// Proves the backup recipe of docs/backup.md: a database with judgments is dumped with
// `pg_dump -Fc`, restored with `pg_restore` into a fresh database, and the raw export
// (format=raw, file=jsonl) of both is byte-identical. Runs a throwaway PostgreSQL cluster from
// PG_BIN (default /usr/lib/postgresql/15/bin, Debian's `postgresql-15`), whose pg_dump matches it.
//   node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/backup-restore-check.ts
// Exit 0 and a line "identical sha256=…" when the restore is faithful.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TCaller } from "../lib/auth/caller";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const ROOT = path.resolve(import.meta.dirname, "..");

function sh(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(bin, args, { encoding: "utf8", env, cwd: ROOT });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

// Child mode: seed (optional) and export one project's raw JSONL from DATABASE_URL; prints JSON.
// Every judgment is exported: the seeded annotators answer the demo's gold pairs at random, and
// the default export leaves out raters flagged by gold accuracy (so a run could export nothing).
async function exportMode(seed: boolean) {
  const { getPool } = await import("../lib/db/client");
  const loadActiveUser = async (id: string) =>
    (await getPool().query<TCaller>("SELECT id, email, name, role, 'token' AS via FROM users WHERE id = $1", [id])).rows[0];
  if (seed) {
    const { seedDemo } = await import("../lib/seed/seed-demo");
    await seedDemo();
    const { getNextAssignment } = await import("../lib/assignment/get-next-assignment");
    const { submitJudgment } = await import("../lib/assignment/submit-judgment");
    const project = (await getPool().query<{ id: string }>("SELECT id FROM projects WHERE mode = 'pairwise' ORDER BY created_at LIMIT 1")).rows[0];
    for (const email of ["ann1@example.com", "ann2@example.com", "ann3@example.com"]) {
      const id = (await getPool().query<{ id: string }>("SELECT id FROM users WHERE email = $1", [email])).rows[0].id;
      const caller = (await loadActiveUser(id))!;
      for (let i = 0; i < 6; i++) {
        const next = await getNextAssignment({ caller, projectId: project.id });
        if (!next) break;
        const preference = ((i * 5 + email.length) % 7) - 3;
        await submitJudgment({ caller, assignmentId: next.id, input: { idempotencyKey: `${email}-${i}-backup`, preference, aspects: { correctness: preference }, rationale: `Ünïcode ✓ rationale ${i} "quoted"\nline two`, comments: [{ slot: "A", lineStart: 1, lineEnd: 1, text: "<b>comment</b>" }] } });
      }
    }
  }
  const { runExport } = await import("../lib/export/run-export");
  const { parseExportRequest } = await import("../lib/export/parse-export-request");
  const project = (await getPool().query<{ id: string }>("SELECT id FROM projects WHERE mode = 'pairwise' ORDER BY created_at LIMIT 1")).rows[0];
  const adminId = (await getPool().query<{ id: string }>("SELECT id FROM users WHERE email = 'admin@example.com'")).rows[0].id;
  const done = await runExport({ caller: (await loadActiveUser(adminId))!, projectId: project.id, request: parseExportRequest({ format: "raw", file: "jsonl", split: "all", excludeFlagged: "false" }) });
  const bytes = fs.readFileSync(done.filePath);
  fs.rmSync(done.filePath, { force: true });
  const rows = bytes.toString("utf8").split("\n").filter(Boolean).length;
  console.log(JSON.stringify({ sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, rows }));
  await getPool().end();
}

async function main() {
  for (const bin of ["initdb", "pg_ctl", "pg_dump", "pg_restore", "createdb"]) {
    if (!fs.existsSync(path.join(PG_BIN, bin))) throw new Error(`${PG_BIN}/${bin} not found: apt-get install postgresql-15 (or set PG_BIN)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cj-backup-"));
  const data = path.join(dir, "data");
  const port = String(20000 + Math.floor(Math.random() * 20000));
  // initdb refuses to run as root; under root the cluster belongs to the `postgres` system user
  const asPostgres = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => (asPostgres ? sh("runuser", ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args]) : sh(path.join(PG_BIN, bin), args));
  if (asPostgres) sh("chown", ["postgres", dir]);
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run("pg_ctl", ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-w", "-l", path.join(dir, "log"), "start"]);
  const url = (db: string) => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  const child = (db: string, seed: boolean) =>
    JSON.parse(sh(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/backup-restore-check.ts", seed ? "--seed-and-export" : "--export"], { ...process.env, DATABASE_URL: url(db) }).trim().split("\n").pop()!) as { sha256: string; bytes: number; rows: number };
  try {
    run("createdb", ["-h", "127.0.0.1", "-p", port, "-U", "postgres", "cj_source"]);
    const { applyMigrations } = await import("./migrate");
    applyMigrations(url("cj_source"));
    const before = child("cj_source", true);
    const dump = path.join(dir, "cj.dump");
    run("pg_dump", ["-Fc", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "cj_source", "-f", dump]);
    run("createdb", ["-h", "127.0.0.1", "-p", port, "-U", "postgres", "cj_restored"]);
    run("pg_restore", ["--no-owner", "--exit-on-error", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "cj_restored", dump]);
    const after = child("cj_restored", false);
    const again = child("cj_source", false);
    console.log(`source  ${JSON.stringify(before)}\nsource again ${JSON.stringify(again)}\nrestored ${JSON.stringify(after)}\ndump ${fs.statSync(dump).size} bytes`);
    if (before.rows === 0) throw new Error("the export is empty: nothing was compared");
    if (after.sha256 !== before.sha256 || again.sha256 !== before.sha256) throw new Error("restored export differs from the source");
    console.log(`identical sha256=${before.sha256} rows=${before.rows}`);
  } finally {
    run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
(mode === "--export" || mode === "--seed-and-export" ? exportMode(mode === "--seed-and-export") : main()).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

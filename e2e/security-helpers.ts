import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { PASSWORD } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");

// The command line as an operator runs it, against the same database as the server under test.
export function runCli(args: string[]): string {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("security specs need DATABASE_URL (npm test sets it)");
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "cli/index.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cli ${args[0]} failed: ${result.stderr}${result.stdout}`);
  return result.stdout.trim().split("\n").pop() ?? "";
}

export function createCliUser(role: "ADMIN" | "TRAINER" | "ANNOTATOR", prefix: string): string {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@sec.example`;
  runCli(["user:create", "--email", email, "--role", role, "--password", PASSWORD, "--name", prefix]);
  return email;
}

export function createCliToken(email: string): string {
  const token = runCli(["token:create", "--email", email, "--label", "security spec"]);
  expect(token).toMatch(/^cjt_/);
  return token;
}

// Revokes a token the way the UI does (revoked_at set); the spec then proves the server refuses it.
export async function revokeTokenInDatabase(secret: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query("UPDATE api_tokens SET revoked_at = now() WHERE prefix = $1 AND revoked_at IS NULL", [secret.slice(0, 10)]);
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

export async function queryDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// Signs in through next-auth's credentials endpoint, so the context carries the session cookie.
export async function signInApi(request: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/", json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
}

export type TSecurityProject = { id: string; modelNames: string[]; itemIds: string[] };

// A fresh pairwise project with items whose model names are unique markers, imported over HTTP.
export async function createSecurityProject(trainer: APIRequestContext, opts: { items: number; name: string; itemLines?: string[] }): Promise<TSecurityProject> {
  const created = await trainer.post("/api/v1/projects", { data: { name: `${opts.name} ${randomUUID().slice(0, 6)}`, mode: "pairwise", overlap: 3, sampling: "random" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const marker = randomUUID().slice(0, 6);
  const modelNames = [`secret-model-alpha-${marker}`, `secret-model-beta-${marker}`];
  const itemIds = Array.from({ length: opts.items }, (_, i) => `sec-${marker}-${i}`);
  const lines =
    opts.itemLines ??
    itemIds.map((itemId, i) =>
      JSON.stringify({
        id: itemId,
        prompt: `Write function ${i}`,
        language: "python",
        responses: [
          { id: "r1", model: modelNames[0], content: `def f():\n    return ${i}\n` },
          { id: "r2", model: modelNames[1], content: `def f():\n    return ${i + 1}\n` },
        ],
      }),
    );
  const imported = await trainer.post(`/api/v1/projects/${id}/items`, { data: lines.join("\n") + "\n", headers: { "content-type": "application/x-ndjson" } });
  expect(imported.status(), await imported.text()).toBe(200);
  return { id, modelNames, itemIds };
}

// Every route file and page under app/, as URL patterns: the matrices must name each of them.
// API routes under pages/api (the annotation loop's, lib/api/pages-api-route.ts) count as route files.
export function listAppFiles(kind: "route.ts" | "page.tsx"): string[] {
  return kind === "route.ts" ? [...listUnder("app", kind), ...listPagesApiRoutes()].sort() : listUnder("app", kind);
}

function listPagesApiRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) found.push("/" + path.relative(path.join(ROOT, "pages"), full).replace(/\.ts$/, "").split(path.sep).join("/"));
    }
  };
  walk(path.join(ROOT, "pages", "api"));
  return found;
}

function listUnder(root: string, kind: "route.ts" | "page.tsx"): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === kind) found.push(full);
    }
  };
  walk(path.join(ROOT, root));
  return found
    .map((file) => "/" + path.relative(path.join(ROOT, root), path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/"))
    .map((p) => (p === "/" ? "/" : p.replace(/\/$/, "")))
    .sort();
}

import { code, md, MODELS } from "./text";
import type { SeedItem } from "./types";

const { alpha, beta, deep, gpt } = MODELS;

export const typescriptItems: SeedItem[] = [
  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-debounce",
    language: "typescript",
    prompt: md`
Write a typed \`debounce\` helper in TypeScript (no lodash). It should:

- delay calling \`fn\` until \`wait\` ms have passed since the last call
- call it with the **latest** arguments
- expose \`.cancel()\` to drop a pending call (we call it in React effect cleanups)

\`\`\`ts
const save = debounce((draft: Draft) => api.saveDraft(draft), 500);
useEffect(() => () => save.cancel(), []);
\`\`\`

Our tsconfig has \`strict: true\`.
`,
    responses: [
      {
        id: "ts-debounce-a",
        model: gpt,
        content: code`
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drop the pending call, if any. */
  cancel(): void;
  /** Run the pending call immediately, if any. */
  flush(): void;
}

/** Trailing-edge debounce: runs \`fn\` once calls have stopped for \`wait\` ms. */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => unknown,
  wait: number,
): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingArgs: A | undefined;

  const run = () => {
    timer = undefined;
    const args = pendingArgs;
    pendingArgs = undefined;
    if (args) fn(...args);
  };

  const debounced = ((...args: A) => {
    pendingArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, wait);
  }) as Debounced<A>;

  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingArgs = undefined;
  };

  debounced.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      run();
    }
  };

  return debounced;
}
`,
      },
      {
        id: "ts-debounce-b",
        model: alpha,
        content: code`
// debounce function
export function debounce(fn: Function, wait: number) {
  var timeout: any;
  return function (...args: any[]) {
    var context = this;
    clearTimeout(timeout);
    timeout = setTimeout(function () {
      fn.apply(context, args);
    }, wait);
  };
}
`,
        flaw:
          "No cancel() although it was required; `this` is implicitly any, which is a compile error under strict (TS2683); `Function`/`any` erase the argument types; `var` instead of let/const.",
      },
      {
        id: "ts-debounce-c",
        model: deep,
        content: code`
// Generic trailing-edge debounce with cancel(). \`this\` is forwarded, so it also works for methods.
export function debounce<T extends (this: any, ...args: any[]) => void>(fn: T, wait = 300) {
  let handle: ReturnType<typeof setTimeout> | null = null;

  function debounced(this: ThisParameterType<T>, ...args: Parameters<T>): void {
    if (handle !== null) clearTimeout(handle);
    handle = setTimeout(() => {
      handle = null;
      fn.apply(this, args);
    }, wait);
  }

  return Object.assign(debounced, {
    cancel(): void {
      if (handle !== null) {
        clearTimeout(handle);
        handle = null;
      }
    },
  });
}
`,
      },
    ],
    scores: {
      "ts-debounce-a": 1.71,
      "ts-debounce-b": 0.33,
      "ts-debounce-c": 1.79,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-fetch-timeout",
    language: "typescript",
    prompt: md`
In our Node 20 service, write \`fetchWithTimeout(url, options)\` on top of the global \`fetch\`:

- \`options.timeoutMs\` (default 5000) aborts the request if it takes too long
- callers may also pass their own \`signal\`; aborting either one must cancel the request
- it's called thousands of times per minute, so don't leave timers, listeners or sockets behind
`,
    responses: [
      {
        id: "ts-fetch-timeout-a",
        model: beta,
        content: code`
export async function fetchWithTimeout(
  url: string,
  options: RequestInit & { timeoutMs?: number } = {},
): Promise<Response> {
  const { timeoutMs = 5000, ...init } = options;
  const controller = new AbortController();

  // abort the request when the timeout expires
  setTimeout(() => controller.abort(), timeoutMs);

  // forward aborts from the caller's signal
  if (init.signal) {
    init.signal.addEventListener("abort", () => controller.abort());
  }

  return fetch(url, { ...init, signal: controller.signal });
}
`,
        flaw:
          "Resource leak: the timeout is never cleared, so every call keeps a live timer (and its controller) for the full timeoutMs after the response; the 'abort' listener on the caller's signal is never removed (leaks with long-lived signals); an already-aborted caller signal is ignored.",
      },
      {
        id: "ts-fetch-timeout-b",
        model: deep,
        content: code`
export interface FetchWithTimeoutOptions extends RequestInit {
  timeoutMs?: number;
}

export class TimeoutError extends Error {
  constructor(url: string, ms: number) {
    super(\`Request to \${url} timed out after \${ms}ms\`);
    this.name = "TimeoutError";
  }
}

export async function fetchWithTimeout(
  url: string,
  { timeoutMs = 5000, signal, ...init }: FetchWithTimeoutOptions = {},
): Promise<Response> {
  // AbortSignal.timeout uses an unref'd internal timer; AbortSignal.any (Node 20.3+)
  // fires when either signal does and drops its listeners once it is garbage.
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await fetch(url, { ...init, signal: combined });
  } catch (err) {
    if (timeout.aborted && !signal?.aborted) throw new TimeoutError(url, timeoutMs);
    throw err;
  }
}
`,
      },
      {
        id: "ts-fetch-timeout-c",
        model: alpha,
        content: code`
export function fetchWithTimeout(url: string, options: any = {}): Promise<Response> {
  const timeout = options.timeoutMs || 5000;

  return Promise.race([
    fetch(url, options),
    new Promise<Response>((_, reject) =>
      setTimeout(() => reject(new Error("Request timed out")), timeout)
    ),
  ]);
}
`,
        flaw:
          "Promise.race only stops waiting: the underlying request is never aborted, so sockets stay open until the server answers; the timer is never cleared; `timeoutMs: 0` silently becomes 5000 because of `||`.",
      },
    ],
    scores: {
      "ts-fetch-timeout-a": 1.07,
      "ts-fetch-timeout-b": 2.21,
      "ts-fetch-timeout-c": 0.58,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-validate-order",
    language: "typescript",
    prompt: md`
Our \`/api/orders\` endpoint receives JSON from a partner. Write a function that turns the parsed body (\`unknown\`) into a typed \`Order\` or returns a list of readable errors. We already use zod 4 elsewhere in the codebase, but a dependency-free version is fine too.

\`\`\`ts
type Order = {
  id: string;
  customerEmail: string;
  items: { sku: string; quantity: number; unitPriceCents: number }[];
  currency: "EUR" | "USD";
};
\`\`\`

Quantities and prices must be positive integers, and an order needs at least one item.
`,
    responses: [
      {
        id: "ts-validate-order-a",
        model: gpt,
        content: code`
import { z } from "zod";

const OrderItem = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().positive(),
});

export const OrderSchema = z.object({
  id: z.string().min(1),
  customerEmail: z.email(),
  items: z.array(OrderItem).min(1),
  currency: z.enum(["EUR", "USD"]),
});

export type Order = z.infer<typeof OrderSchema>;

export type ParseResult =
  | { ok: true; order: Order }
  | { ok: false; errors: string[] };

export function parseOrder(body: unknown): ParseResult {
  const result = OrderSchema.safeParse(body);
  if (result.success) return { ok: true, order: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => \`\${i.path.join(".") || "(root)"}: \${i.message}\`),
  };
}
`,
      },
      {
        id: "ts-validate-order-b",
        model: beta,
        content: code`
export type Order = {
  id: string;
  customerEmail: string;
  items: { sku: string; quantity: number; unitPriceCents: number }[];
  currency: "EUR" | "USD";
};

type Result = { ok: true; order: Order } | { ok: false; errors: string[] };

export function parseOrder(body: unknown): Result {
  const errors: string[] = [];
  const b = body as Record<string, unknown>;

  if (typeof b.id !== "string" || b.id === "") errors.push("id: required");
  if (typeof b.customerEmail !== "string" || !b.customerEmail.includes("@")) {
    errors.push("customerEmail: invalid");
  }
  if (b.currency !== "EUR" && b.currency !== "USD") errors.push("currency: must be EUR or USD");

  if (!Array.isArray(b.items) || b.items.length === 0) {
    errors.push("items: at least one item required");
  } else {
    b.items.forEach((item, i) => {
      if (typeof item.sku !== "string") errors.push(\`items.\${i}.sku: required\`);
      if (typeof item.quantity !== "number" || item.quantity <= 0) {
        errors.push(\`items.\${i}.quantity: must be positive\`);
      }
      if (typeof item.unitPriceCents !== "number" || item.unitPriceCents <= 0) {
        errors.push(\`items.\${i}.unitPriceCents: must be positive\`);
      }
    });
  }

  return errors.length ? { ok: false, errors } : { ok: true, order: b as unknown as Order };
}
`,
        flaw:
          "Missing edge cases: a null/non-object body or a null item throws a TypeError instead of returning errors (the casts hide it from the compiler); quantities like 2.5 pass because integers are never checked; unknown extra fields are passed through.",
      },
      {
        id: "ts-validate-order-c",
        model: alpha,
        content: code`
interface Order {
  id: string;
  customerEmail: string;
  items: { sku: string; quantity: number; unitPriceCents: number }[];
  currency: "EUR" | "USD";
}

export function parseOrder(body: any): Order | null {
  try {
    const order = typeof body === "string" ? JSON.parse(body) : body;
    if (!order.id || !order.items) {
      return null;
    }
    return order as Order;
  } catch (e) {
    return null;
  }
}
`,
        flaw:
          "Essentially no validation: only checks that id and items are truthy, then casts; currency, email, quantities and prices are never checked and no error list is returned.",
      },
    ],
    tests: {
      "ts-validate-order-a": { passed: 15, total: 15 },
      "ts-validate-order-b": { passed: 11, total: 15 },
      "ts-validate-order-c": { passed: 5, total: 15 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-verify-webhook",
    language: "typescript",
    prompt: md`
We receive webhooks from a payment provider. Each request carries an \`X-Signature\` header: the hex HMAC-SHA256 of the **raw request body**, keyed with a shared secret we got from their dashboard.

Write Express middleware that rejects requests with a missing or invalid signature with \`401\` before they reach the handler.
`,
    responses: [
      {
        id: "ts-verify-webhook-a",
        model: gpt,
        content: code`
import crypto from "node:crypto";
import express, { type NextFunction, type Request, type Response } from "express";

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`\${name} is not set\`);
  return value;
}

const secret = requireEnv("WEBHOOK_SECRET");

// Keep the exact bytes: re-serialising parsed JSON would not reproduce the signed payload.
export const rawJson = express.raw({ type: "application/json", limit: "1mb" });

export function verifySignature(req: Request, res: Response, next: NextFunction) {
  const header = req.get("X-Signature") ?? "";
  // 64 hex chars = 32 bytes, so both buffers below always have the same length.
  if (!Buffer.isBuffer(req.body) || !/^[0-9a-f]{64}$/i.test(header)) {
    return res.status(401).json({ error: "invalid signature" });
  }

  const expected = crypto.createHmac("sha256", secret).update(req.body).digest();
  const received = Buffer.from(header, "hex");

  if (!crypto.timingSafeEqual(expected, received)) {
    return res.status(401).json({ error: "invalid signature" });
  }
  next();
}

// app.post("/webhooks/payments", rawJson, verifySignature, (req, res) => {
//   const event = JSON.parse(req.body.toString("utf8"));
//   ...
// });
`,
      },
      {
        id: "ts-verify-webhook-b",
        model: alpha,
        content: code`
import crypto from "crypto";
import { Request, Response, NextFunction } from "express";

const WEBHOOK_SECRET = "whsec_5f2b9c1e8a7d4f3b9e6a1c0d2f4b7a9e";

export function verifyWebhook(req: Request, res: Response, next: NextFunction) {
  const signature = req.headers["x-signature"];
  if (!signature) {
    return res.status(401).send("Missing signature");
  }

  const expected = crypto
    .createHmac("sha256", WEBHOOK_SECRET)
    .update(JSON.stringify(req.body))
    .digest("hex");

  if (signature !== expected) {
    return res.status(401).send("Invalid signature");
  }

  next();
}
`,
        flaw:
          "Hard-coded webhook secret committed to source; `!==` string comparison leaks timing; HMAC is computed over JSON.stringify(req.body) (parsed and re-serialised) instead of the raw body, so legitimate signatures fail whenever whitespace or key order differ.",
      },
      {
        id: "ts-verify-webhook-c",
        model: deep,
        content: code`
import { createHmac, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";

export const verifyWebhook: RequestHandler = (req, res, next) => {
  const signature = req.header("x-signature");
  if (!signature) {
    res.status(401).json({ error: "missing signature" });
    return;
  }

  const digest = createHmac("sha256", process.env.WEBHOOK_SECRET as string)
    .update(JSON.stringify(req.body))
    .digest("hex");

  // constant-time comparison to avoid timing attacks
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(digest))) {
    res.status(401).json({ error: "invalid signature" });
    return;
  }
  next();
};
`,
        flaw:
          "timingSafeEqual throws RangeError when the lengths differ, so any malformed header produces a 500 instead of 401; signs the re-serialised JSON rather than the raw body; `as string` hides a missing WEBHOOK_SECRET until the first request.",
      },
    ],
    tests: {
      "ts-verify-webhook-a": { passed: 10, total: 10 },
      "ts-verify-webhook-b": { passed: 5, total: 10 },
      "ts-verify-webhook-c": { passed: 6, total: 10 },
    },
    gold: { preference: -3, responses: ["ts-verify-webhook-a", "ts-verify-webhook-b"] },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-map-concurrency",
    language: "typescript",
    prompt: md`
Write \`mapWithConcurrency\` for a script that calls a rate-limited API for ~2,000 items:

\`\`\`ts
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]>
\`\`\`

- at most \`limit\` calls in flight; start the next one as soon as **any** finishes
- results in the same order as \`items\`
- if any call rejects, the returned promise rejects (no need to cancel the others)
`,
    responses: [
      {
        id: "ts-map-concurrency-a",
        model: alpha,
        content: code`
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  const executing: Promise<void>[] = [];

  for (let i = 0; i < items.length; i++) {
    const p = fn(items[i], i).then((result) => {
      results.push(result);
      executing.splice(executing.indexOf(p), 1);
    });
    executing.push(p);
    if (executing.length >= limit) {
      await Promise.race(executing);
    }
  }

  await Promise.all(executing);
  return results;
}
`,
        flaw:
          "Results are pushed in completion order, not input order, so results[i] generally doesn't correspond to items[i]; a rejected promise is never removed from `executing`.",
      },
      {
        id: "ts-map-concurrency-b",
        model: gpt,
        content: code`
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(\`limit must be a positive integer, got \${limit}\`);
  }

  const results = new Array<R>(items.length);
  let next = 0;

  // Each worker pulls the next index; JS is single-threaded, so \`next++\` needs no lock.
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  }

  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  await Promise.all(workers);
  return results;
}
`,
      },
      {
        id: "ts-map-concurrency-c",
        model: beta,
        content: code`
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];

  // Process the items in chunks of \`limit\`
  for (let i = 0; i < items.length; i += limit) {
    const chunk = items.slice(i, i + limit);
    const chunkResults = await Promise.all(chunk.map((item, j) => fn(item, i + j)));
    results.push(...chunkResults);
  }

  return results;
}
`,
        flaw:
          "Batches instead of a pool: each chunk waits for its slowest call before the next chunk starts, violating 'start the next one as soon as any finishes' (throughput collapses with uneven latencies); limit = 0 loops forever.",
      },
      {
        id: "ts-map-concurrency-d",
        model: deep,
        content: code`
export function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return new Promise((resolve, reject) => {
    const results: R[] = new Array(items.length);
    let started = 0;
    let finished = 0;
    let failed = false;

    if (items.length === 0) return resolve(results);

    const launch = (): void => {
      if (failed || started >= items.length) return;
      const index = started++;
      fn(items[index], index).then(
        (value) => {
          results[index] = value;
          if (++finished === items.length) resolve(results);
          else launch();
        },
        (err) => {
          failed = true;
          reject(err);
        },
      );
    };

    for (let i = 0; i < Math.max(1, Math.min(limit, items.length)); i++) launch();
  });
}
`,
        flaw:
          "Minor: if `fn` throws synchronously inside a later launch() (called from a .then callback) the error becomes an unhandled rejection and the returned promise never settles; limit <= 0 is silently treated as 1.",
      },
    ],
    tests: {
      "ts-map-concurrency-a": { passed: 4, total: 9 },
      "ts-map-concurrency-b": { passed: 9, total: 9 },
      "ts-map-concurrency-c": { passed: 7, total: 9 },
      "ts-map-concurrency-d": { passed: 9, total: 9 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-days-between",
    language: "typescript",
    prompt: md`
For a booking calendar I need all calendar days between two dates, **inclusive**, as \`YYYY-MM-DD\` strings:

\`\`\`ts
daysBetween("2024-03-29", "2024-04-02");
// ["2024-03-29", "2024-03-30", "2024-03-31", "2024-04-01", "2024-04-02"]
\`\`\`

The same code runs in browsers in any timezone and on our servers (UTC). Return \`[]\` if \`end\` is before \`start\`.
`,
    responses: [
      {
        id: "ts-days-between-a",
        model: gpt,
        content: code`
export function daysBetween(start: string, end: string): string[] {
  // Parse as UTC midnight so the user's timezone and DST never shift the dates.
  const startDate = new Date(\`\${start}T00:00:00Z\`);
  const endDate = new Date(\`\${end}T00:00:00Z\`);
  const days: string[] = [];

  for (let d = startDate; d < endDate; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
`,
        flaw:
          "Off-by-one: the loop condition `d < endDate` excludes the end date, so the range is half-open and daysBetween(x, x) returns [] instead of [x]. Invalid input silently yields [].",
      },
      {
        id: "ts-days-between-b",
        model: alpha,
        content: code`
export function daysBetween(start: string, end: string): string[] {
  const result: string[] = [];
  const current = new Date(start);
  const last = new Date(end);

  while (current <= last) {
    result.push(current.toISOString().split("T")[0]);
    current.setDate(current.getDate() + 1);
  }

  return result;
}
`,
        flaw:
          "Timezone bug: new Date('YYYY-MM-DD') is UTC midnight but setDate/getDate step in local time. Across a DST change the step is 23 or 25 hours, e.g. in America/New_York 2024-03-09..2024-03-12 yields 03-09, 03-10, 03-10, 03-11 (duplicate day, end date missing).",
      },
      {
        id: "ts-days-between-c",
        model: beta,
        content: code`
const DAY_MS = 24 * 60 * 60 * 1000;

function parseIsoDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(\`Expected YYYY-MM-DD, got "\${value}"\`);
  const [, y, m, d] = match.map(Number);
  const time = Date.UTC(y, m - 1, d);
  // Date.UTC silently rolls invalid dates over (2024-02-31 -> 2024-03-02).
  if (new Date(time).getUTCDate() !== d) throw new RangeError(\`Invalid date "\${value}"\`);
  return time;
}

/** Inclusive list of calendar days. All arithmetic is in UTC, where every day is 24h. */
export function daysBetween(start: string, end: string): string[] {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  const days: string[] = [];
  for (let t = from; t <= to; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
`,
      },
    ],
    tests: {
      "ts-days-between-a": { passed: 6, total: 10 },
      "ts-days-between-b": { passed: 7, total: 10 },
      "ts-days-between-c": { passed: 10, total: 10 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-load-json-dir",
    language: "typescript",
    prompt: md`
Node 20, ESM, TypeScript: write a function that loads every \`*.json\` file in a directory and returns an object mapping the file name without extension to its parsed content.

If a file contains invalid JSON, the error must say **which** file.
`,
    responses: [
      {
        id: "ts-load-json-dir-a",
        model: alpha,
        content: code`
import * as fs from "fs";

export function loadJsonDir(dir: string, callback: (err: any, result?: any) => void) {
  var result: any = {};
  fs.readdir(dir, function (err, files) {
    if (err) return callback(err);
    var jsonFiles = files.filter(function (f) { return f.endsWith(".json"); });
    var pending = jsonFiles.length;
    for (var i = 0; i < jsonFiles.length; i++) {
      var name = jsonFiles[i];
      fs.readFile(dir + "/" + name, "utf8", function (err, data) {
        if (err) return callback(err);
        try {
          result[name.replace(".json", "")] = JSON.parse(data);
        } catch (e) {
          return callback(new Error("Invalid JSON in " + name));
        }
        pending--;
        if (pending === 0) callback(null, result);
      });
    }
  });
}
`,
        flaw:
          "`var name` is function-scoped, so every readFile callback sees the last file name: all contents are stored under one key and the error names the wrong file. Callback-style API, callback may fire several times on errors, and never fires at all for a directory with no .json files.",
      },
      {
        id: "ts-load-json-dir-b",
        model: gpt,
        content: code`
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export async function loadJsonDir(dir: string): Promise<Record<string, unknown>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".json"));

  const pairs = await Promise.all(
    files.map(async (entry) => {
      const file = path.join(dir, entry.name);
      const text = await readFile(file, "utf8");
      try {
        return [path.basename(entry.name, ".json"), JSON.parse(text)] as const;
      } catch (err) {
        throw new Error(\`Invalid JSON in \${file}: \${(err as Error).message}\`, { cause: err });
      }
    }),
  );

  return Object.fromEntries(pairs);
}
`,
      },
      {
        id: "ts-load-json-dir-c",
        model: beta,
        content: code`
import fs from "node:fs";
import path from "node:path";

// Config is loaded once at startup, so the synchronous API keeps this simple.
export function loadJsonDir(dir: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of fs.readdirSync(dir)) {
    if (path.extname(name) !== ".json") continue;
    const file = path.join(dir, name);
    try {
      result[path.basename(name, ".json")] = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
      throw new Error(\`Failed to load \${file}: \${(err as Error).message}\`);
    }
  }
  return result;
}
`,
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "ts-email-validation",
    language: "typescript",
    prompt: md`
Our signup endpoint (Node, TypeScript) validates email addresses with a regex before we send the confirmation mail. It only needs to be "good enough" since the mail confirms the address anyway, but it runs on untrusted input from the internet.

Write \`isValidEmail(input: string): boolean\`.
`,
    responses: [
      {
        id: "ts-email-validation-a",
        model: deep,
        content: code`
// Deliberately simple: one "@", no whitespace, at least one dot in the domain.
// Each quantifier is followed by a character it can't match, so there is no
// ambiguous backtracking and matching stays linear on hostile input.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function isValidEmail(input: string): boolean {
  if (input.length > 254) return false; // RFC 5321 path limit
  const value = input.trim();
  const at = value.lastIndexOf("@");
  if (at < 1 || at > 64) return false; // local part is 1..64 chars
  return EMAIL_RE.test(value);
}
`,
      },
      {
        id: "ts-email-validation-b",
        model: alpha,
        content: code`
// Validates an email address using a regular expression.
const EMAIL_REGEX = /^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$/;

export function isValidEmail(input: string): boolean {
  if (!input) {
    return false;
  }
  return EMAIL_REGEX.test(input.trim());
}
`,
        flaw:
          "Catastrophic regex: the nested quantifier ([a-zA-Z0-9]{2,4})+$ can split a long alphanumeric run in exponentially many ways, so 'a@b.' + 'a'.repeat(55) + '!' blocks the Node event loop for ~9 s, and every 5 extra characters multiply that by ~7 (ReDoS). Also rejects common valid addresses with '+' tags (user+news@example.com).",
      },
      {
        id: "ts-email-validation-c",
        model: beta,
        content: code`
export function isValidEmail(input: string): boolean {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > 320) return false;

  const parts = email.split("@");
  if (parts.length !== 2) return false;
  const [local, domain] = parts;

  if (!/^[a-z0-9._%+-]+$/.test(local)) return false;
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(domain)) return false;

  // no leading/trailing/double dots in the local part
  return !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}
`,
        flaw:
          "Stricter than needed: rejects real addresses such as o'connor@example.ie and internationalised domains (user@bücher.de). Safe from ReDoS; otherwise fine.",
      },
    ],
    scores: {
      "ts-email-validation-a": 1.34,
      "ts-email-validation-b": 1.09,
      "ts-email-validation-c": 1.41,
    },
  },
];

import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { MAX_LINE_BYTES } from "@/lib/items/schemas";
import { POST as postItems } from "@/app/api/v1/projects/[id]/items/route";
import { POST as postProjects } from "@/app/api/v1/projects/route";
import postJudgment from "@/pages/api/v1/assignments/[id]/judgment";
import getNext from "@/pages/api/v1/projects/[id]/next";
import { createTestProject } from "./helpers/create-test-project";
import { createTestUser } from "./helpers/create-test-user";
import { callPagesRoute } from "./helpers/pages-route";

// Hostile uploads through the real route handlers (token auth, error mapping) on a real Postgres:
// each is a clear 4xx in the one error shape, and not a row is written.
type TBody = BodyInit | ReadableStream<Uint8Array>;

async function setup() {
  const project = await createTestProject();
  const { secret } = await createApiToken({ userId: project.owner.id, label: "hostile" });
  const send = (body: TBody, headers: Record<string, string> = {}) =>
    postItems(new Request(`http://localhost/api/v1/projects/${project.id}/items`, { method: "POST", body, headers: { authorization: `Bearer ${secret}`, "content-type": "application/x-ndjson", ...headers }, duplex: "half" } as RequestInit), {
      params: Promise.resolve({ id: project.id }),
    });
  return { project, secret, send };
}

async function counts(projectId: string) {
  const { rows } = await getPool().query<{ items: number; responses: number; units: number }>(
    `SELECT (SELECT count(*)::int FROM items WHERE project_id = $1) AS items,
            (SELECT count(*)::int FROM responses r JOIN items i ON i.id = r.item_id WHERE i.project_id = $1) AS responses,
            (SELECT count(*)::int FROM units WHERE project_id = $1) AS units`,
    [projectId],
  );
  return rows[0];
}

const item = (id: string) => JSON.stringify({ id, prompt: "p", language: "python", responses: [{ id: "r1", model: "m1", content: "a" }, { id: "r2", model: "m2", content: "b" }] });

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; details?: Array<{ line?: number; message: string }> } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body.error;
}

// a body that yields `total` bytes in 1 MB chunks, with no Content-Length, as a chunked upload does
function streamOf(total: number, fill: (chunk: Uint8Array, offset: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(Math.min(1 << 20, total - sent));
      fill(chunk, sent);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("hostile NDJSON imports", () => {
  it("wrong types, missing fields and non-objects: 400 listing every bad line, nothing written", async () => {
    const { project, send } = await setup();
    const lines = [
      item("ok-1"),
      JSON.stringify({ id: 5, prompt: ["x"], language: null, responses: "r" }),
      "[1,2,3]",
      '"just a string"',
      JSON.stringify({ id: "no-responses", prompt: "p", language: "python", responses: [] }),
      JSON.stringify({ id: "x".repeat(10_000), prompt: "p", language: "python", responses: [{ id: "r1", model: "m", content: "a" }, { id: "r1", model: "m", content: "b" }] }),
      '{"id": "truncated", "prompt": ',
      JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, id: "proto", prompt: "p", language: "python", responses: [] }),
    ];
    const before = await counts(project.id);
    const error = await expectRefused(await send(lines.join("\n")), 400, "invalid_items");
    expect(error.details?.map((d) => d.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(await counts(project.id)).toEqual(before);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("a line over MAX_LINE_BYTES and invalid UTF-8 are reported by line number", async () => {
    const { project, send } = await setup();
    const huge = JSON.stringify({ id: "huge", prompt: "y".repeat(MAX_LINE_BYTES + 10), language: "python", responses: [] });
    const badUtf8 = new Uint8Array([...new TextEncoder().encode('{"id":"bad-'), 0xff, 0xfe, 0xc3, 0x28, ...new TextEncoder().encode('","prompt":"p"}')]);
    const body = new Blob([item("a"), "\n", huge, "\n", badUtf8, "\n", item("b"), "\n", new Uint8Array([0xed, 0xa0, 0x80]), "\n"]);
    const error = await expectRefused(await send(body), 400, "invalid_items");
    expect(error.details).toEqual([
      { line: 2, message: `line longer than ${MAX_LINE_BYTES} bytes` },
      { line: 3, message: "not valid UTF-8" },
      { line: 5, message: "not valid UTF-8" },
    ]);
    expect((await counts(project.id)).items).toBe(0);
  });

  it("100 000 good lines and one bad at the end: 400 naming that line, and none of the 100 000 kept", async () => {
    const { project, send } = await setup();
    const lines = Array.from({ length: 100_000 }, (_, i) => item(`bulk-${i}`));
    lines.push('{"id": "last", "prompt": 42}');
    const error = await expectRefused(await send(lines.join("\n") + "\n"), 400, "invalid_items");
    expect(error.details).toHaveLength(1);
    expect(error.details?.[0].line).toBe(100_001);
    expect(await counts(project.id)).toEqual({ items: 0, responses: 0, units: 0 });
  }, 180_000);

  it("a 60 MB body is refused with 413: at once when Content-Length says so, mid-stream when it does not", async () => {
    const { project, send } = await setup();
    const sixty = 60 * 1024 * 1024;
    await expectRefused(await send(streamOf(1024, (c) => c.fill(32)), { "content-length": String(sixty) }), 413, "payload_too_large");
    // valid lines all the way, so only the size can stop it
    const line = new TextEncoder().encode(item("z") + "\n");
    let n = 0;
    const body = streamOf(sixty, (chunk) => {
      for (let i = 0; i < chunk.byteLength; i++) chunk[i] = line[n++ % line.byteLength];
    });
    await expectRefused(await send(body), 413, "payload_too_large");
    expect((await counts(project.id)).items).toBe(0);
  }, 120_000);

  it("wrong content type is 415, an empty body 400", async () => {
    const { project, send } = await setup();
    await expectRefused(await send(item("a"), { "content-type": "text/html" }), 415, "unsupported_media_type");
    await expectRefused(await send(item("a"), { "content-type": "multipart/form-data; boundary=x" }), 415, "unsupported_media_type");
    await expectRefused(await send(""), 400, "invalid_items");
    await expectRefused(await send("\n\n  \n"), 400, "invalid_items");
    expect((await counts(project.id)).items).toBe(0);
  });
});

describe("JSON bodies and queries", () => {
  it("bad JSON is 400, a non-JSON content type 415, an oversized body 413, unknown values 400", async () => {
    const trainer = await createTestUser({ role: "TRAINER" });
    const { secret } = await createApiToken({ userId: trainer.id, label: "json" });
    const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      postProjects(new Request("http://localhost/api/v1/projects", { method: "POST", body, headers: { authorization: `Bearer ${secret}`, ...headers } }), { params: Promise.resolve({}) });
    const before = (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM projects")).rows[0].n;
    await expectRefused(await post("{not json"), 400, "invalid_input");
    await expectRefused(await post('{"name": "x", "mode": "pairwise"'), 400, "invalid_input");
    await expectRefused(await post(JSON.stringify({ name: "x", mode: "pairwise" }), { "content-type": "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
    await expectRefused(await post(JSON.stringify({ name: "x", mode: "pairwise" }), { "content-type": "text/plain" }), 415, "unsupported_media_type");
    await expectRefused(await post(JSON.stringify({ name: "x".repeat(1_100_000), mode: "pairwise" })), 413, "payload_too_large");
    await expectRefused(await post(JSON.stringify({ name: "x", mode: "pairwise" }), { "content-type": "application/json", "content-length": "5000000" }), 413, "payload_too_large");
    await expectRefused(await post(JSON.stringify({ name: "x", mode: "sql-injection'; DROP TABLE users; --" })), 400, "invalid_input");
    await expectRefused(await post(JSON.stringify({ name: "x", mode: "pairwise", overlap: 1e9 })), 400, "invalid_input");
    await expectRefused(await post("[]"), 400, "invalid_input");
    await expectRefused(await post("null"), 400, "invalid_input");
    const after = (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM projects")).rows[0].n;
    expect(after).toBe(before);
  });

  it("a judgment with out-of-range values or a hostile query string is 400 before anything is stored", async () => {
    const annotator = await createTestUser();
    const project = await createTestProject({ members: [annotator] });
    const { createTestItems, buildItems } = await import("./helpers/create-test-items");
    await createTestItems(project, buildItems({ count: 1 }));
    const { secret } = await createApiToken({ userId: annotator.id, label: "judge" });
    const next = await callPagesRoute(getNext, new Request(`http://localhost/api/v1/projects/${project.id}/next?exclude=${"x,".repeat(1500)}`, { headers: { authorization: `Bearer ${secret}` } }), { id: project.id });
    await expectRefused(next, 400, "invalid_input");
    const ok = await callPagesRoute(getNext, new Request(`http://localhost/api/v1/projects/${project.id}/next`, { headers: { authorization: `Bearer ${secret}` } }), { id: project.id });
    const { assignment } = (await ok.json()) as { assignment: { id: string } };
    const judge = (body: unknown) =>
      callPagesRoute(postJudgment, new Request(`http://localhost/api/v1/assignments/${assignment.id}/judgment`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" } }), { id: assignment.id });
    for (const bad of [
      { idempotencyKey: "k-1234567", preference: 7 },
      { idempotencyKey: "k-1234567", preference: 1.5 },
      { idempotencyKey: "short", preference: 1 },
      { idempotencyKey: "k-1234567", preference: 1, comments: [{ slot: "Z!", lineStart: 0, lineEnd: -1, text: "" }] },
      { idempotencyKey: "k-1234567", preference: 1, rationale: "r".repeat(20_001) },
    ]) {
      await expectRefused(await judge(bad), 400, "invalid_input");
    }
    expect((await getPool().query("SELECT 1 FROM judgments WHERE assignment_id = $1", [assignment.id])).rowCount).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { importScores } from "@/lib/items/import-scores";
import { listItems } from "@/lib/items/list-items";
import { countRows, importLines, item, makeProject, makeUser, ndjson, unique } from "./train-fixtures";

let trainer: TCaller;

beforeAll(async () => {
  trainer = await makeUser("TRAINER");
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("importItems", () => {
  it("reports both bad lines by number and writes nothing", async () => {
    const project = await makeProject(trainer);
    await importLines(project.id, trainer, [item("existing-1")]);
    const before = await countRows(project.id);
    expect(before).toEqual({ items: 1, responses: 2, units: 1 });

    const error = await rejection(
      importLines(project.id, trainer, [
        item("ok-1"),
        { ...item("no-prompt"), prompt: undefined },
        item("ok-2", 3),
        item("one-response", 1),
        item("ok-3"),
      ]),
    );
    expect(error.code).toBe("invalid_items");
    expect(error.status).toBe(400);
    expect(error.details?.map((d) => d.line)).toEqual([2, 4]);
    expect(error.details?.[0].message).toMatch(/prompt/);
    expect(error.details?.[1].message).toMatch(/at least 2/);
    expect(await countRows(project.id)).toEqual(before);
  });

  it("updates an item posted again under the same id instead of duplicating it", async () => {
    const project = await makeProject(trainer);
    const first = await importLines(project.id, trainer, [item("dup-1"), item("dup-2")]);
    expect(first).toEqual({ created: 2, updated: 0 });

    const changed = { ...item("dup-1", 3), prompt: "A better prompt" };
    const second = await importLines(project.id, trainer, [changed, item("dup-3")]);
    expect(second).toEqual({ created: 1, updated: 1 });

    const { rows } = await getPool().query<{ external_id: string; prompt: string; responses: number; units: number }>(
      `SELECT i.external_id, i.prompt,
              (SELECT count(*)::int FROM responses r WHERE r.item_id = i.id) AS responses,
              (SELECT count(*)::int FROM units u WHERE u.item_id = i.id) AS units
         FROM items i WHERE i.project_id = $1 ORDER BY i.external_id`,
      [project.id],
    );
    expect(rows).toEqual([
      { external_id: "dup-1", prompt: "A better prompt", responses: 3, units: 3 },
      { external_id: "dup-2", prompt: "Solve dup-2", responses: 2, units: 1 },
      { external_id: "dup-3", prompt: "Solve dup-3", responses: 2, units: 1 },
    ]);
  });

  it("reports a line that is not UTF-8 and a line that is not JSON, with their numbers", async () => {
    const project = await makeProject(trainer);
    const badUtf8 = new Uint8Array([...new TextEncoder().encode('{"id": "x'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
    const error = await rejection(importLines(project.id, trainer, [item("fine-1"), badUtf8, "{this is not json", item("fine-2")]));
    expect(error.code).toBe("invalid_items");
    expect(error.details).toEqual([
      { line: 2, message: "not valid UTF-8" },
      { line: 3, message: "not valid JSON" },
    ]);
    expect(await countRows(project.id)).toEqual({ items: 0, responses: 0, units: 0 });
  });

  it("refuses an id repeated within one upload and an empty upload", async () => {
    const project = await makeProject(trainer);
    const repeated = await rejection(importLines(project.id, trainer, [item("twice"), item("twice")]));
    expect(repeated.details).toEqual([{ line: 2, message: "id twice appears twice in this upload" }]);
    const empty = await rejection(importLines(project.id, trainer, ["", "   "]));
    expect(empty.details?.[0].message).toMatch(/no items/);
  });
});

describe("importScores", () => {
  it("merges scores and test results, and rejects the whole file when a response is unknown", async () => {
    const project = await makeProject(trainer);
    await importLines(project.id, trainer, [item("s-1")]);
    const ok = await importScores({
      projectId: project.id,
      actorId: trainer.id,
      body: ndjson([{ item: "s-1", response: "r1", scores: { rm: 0.5 } }, { item: "s-1", response: "r2", tests: { passed: 3, total: 4 } }]),
    });
    expect(ok).toEqual({ updated: 2 });
    const bad = await rejection(
      importScores({ projectId: project.id, actorId: trainer.id, body: ndjson([{ item: "s-1", response: "r1", scores: { other: 1 } }, { item: "s-1", response: "r9", scores: { rm: 1 } }]) }),
    );
    expect(bad.details).toEqual([{ line: 2, message: "no response r9 in item s-1" }]);

    const page = await listItems({ projectId: project.id });
    expect(page.items[0].responses).toEqual([
      { id: "r1", model: "model-1", scores: { rm: 0.5 }, tests: null },
      { id: "r2", model: "model-2", scores: null, tests: { passed: 3, total: 4 } },
    ]);
  });
});

describe("listItems", () => {
  it("pages 50 at a time by item id, forwards and back, with filters", async () => {
    const project = await makeProject(trainer);
    const ids = Array.from({ length: 60 }, (_, i) => `p-${String(i).padStart(3, "0")}`);
    await importLines(project.id, trainer, ids.map((id, i) => item(id, 2, i === 7 ? { gold: { preference: 1, responses: ["r1", "r2"] } } : {})));

    const first = await listItems({ projectId: project.id });
    expect(first.total).toBe(60);
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 50));
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).toBe("p-049");

    const second = await listItems({ projectId: project.id, after: first.nextCursor! });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(50));
    expect(second.nextCursor).toBeNull();
    expect(second.prevCursor).toBe("p-050");

    const back = await listItems({ projectId: project.id, before: second.prevCursor! });
    expect(back.items.map((i) => i.id)).toEqual(ids.slice(0, 50));
    expect(back.prevCursor).toBeNull();

    const gold = await listItems({ projectId: project.id, goldOnly: true });
    expect(gold.items.map((i) => [i.id, i.isGold, i.gold])).toEqual([["p-007", true, { preference: 1, responses: ["r1", "r2"] }]]);
    const search = await listItems({ projectId: project.id, q: "p-05" });
    expect(search.total).toBe(10);
    const wildcard = await listItems({ projectId: project.id, q: "%" });
    expect(wildcard.total).toBe(0);
    expect(first.items[0]).toMatchObject({ language: "python", promptExcerpt: "Solve p-000", units: 1, judgments: 0 });
  });

  it("does not list another project's items", async () => {
    const mine = await makeProject(trainer);
    const other = await makeProject(trainer, { name: unique("other") });
    await importLines(other.id, trainer, [item("theirs")]);
    expect((await listItems({ projectId: mine.id })).total).toBe(0);
  });
});

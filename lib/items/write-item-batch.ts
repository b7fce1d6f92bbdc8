import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import type { TItemInput } from "./schemas";

export type TProjectForImport = { id: string; mode: "pairwise" | "rating" | "ranking"; overlap: number };

// Gold units stay open for every rater; they are served at the project's gold rate, not by overlap.
export const GOLD_TARGET = 1_000_000;

// Upserts one batch of validated items, their responses and their units with set-based SQL
// (a few statements per batch instead of one per row).
export async function writeItemBatch(client: PoolClient, project: TProjectForImport, items: TItemInput[]): Promise<{ created: number; updated: number }> {
  const itemRows = await client.query<{ id: string; external_id: string; inserted: boolean }>(
    `INSERT INTO items (id, project_id, external_id, prompt, language, metadata, gold, updated_at)
     SELECT u.id, $1, u.external_id, u.prompt, u.language, u.metadata::jsonb, u.gold::jsonb, now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, external_id, prompt, language, metadata, gold)
     ON CONFLICT (project_id, external_id) DO UPDATE
       SET prompt = EXCLUDED.prompt, language = EXCLUDED.language, metadata = EXCLUDED.metadata, gold = EXCLUDED.gold, updated_at = now()
     RETURNING id, external_id, (xmax = 0) AS inserted`,
    [
      project.id,
      items.map(() => randomUUID()),
      items.map((i) => i.id),
      items.map((i) => i.prompt),
      items.map((i) => i.language),
      items.map((i) => JSON.stringify(i.metadata ?? {})),
      items.map((i) => (i.gold ? JSON.stringify(i.gold) : null)),
    ],
  );
  const itemIdByExternal = new Map(itemRows.rows.map((r) => [r.external_id, r.id]));

  const r = { ids: [] as string[], itemIds: [] as string[], ext: [] as string[], pos: [] as number[], model: [] as string[], content: [] as string[], scores: [] as (string | null)[], passed: [] as (number | null)[], total: [] as (number | null)[] };
  for (const item of items) {
    item.responses.forEach((resp, position) => {
      r.ids.push(randomUUID());
      r.itemIds.push(itemIdByExternal.get(item.id)!);
      r.ext.push(resp.id);
      r.pos.push(position);
      r.model.push(resp.model);
      r.content.push(resp.content);
      r.scores.push(resp.scores ? JSON.stringify(resp.scores) : null);
      r.passed.push(resp.tests?.passed ?? null);
      r.total.push(resp.tests?.total ?? null);
    });
  }
  const responseRows = await client.query<{ id: string; item_id: string; position: number }>(
    `INSERT INTO responses (id, item_id, project_id, external_id, position, model, content, scores, tests_passed, tests_total)
     SELECT u.id, u.item_id, $1, u.external_id, u.position, u.model, u.content, u.scores::jsonb, u.passed, u.total
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[])
            AS u(id, item_id, external_id, position, model, content, scores, passed, total)
     ON CONFLICT (item_id, external_id) DO UPDATE
       SET position = EXCLUDED.position, model = EXCLUDED.model, content = EXCLUDED.content,
           scores = COALESCE(EXCLUDED.scores, responses.scores),
           tests_passed = COALESCE(EXCLUDED.tests_passed, responses.tests_passed),
           tests_total = COALESCE(EXCLUDED.tests_total, responses.tests_total)
     RETURNING id, item_id, position`,
    [project.id, r.ids, r.itemIds, r.ext, r.pos, r.model, r.content, r.scores, r.passed, r.total],
  );

  const updatedItemIds = itemRows.rows.filter((row) => !row.inserted).map((row) => row.id);
  await writeUnits(client, project, items, itemIdByExternal, responseRows.rows, updatedItemIds);
  const created = itemRows.rows.filter((row) => row.inserted).length;
  return { created, updated: itemRows.rows.length - created };
}

async function writeUnits(
  client: PoolClient,
  project: TProjectForImport,
  items: TItemInput[],
  itemIdByExternal: Map<string, string>,
  responses: Array<{ id: string; item_id: string; position: number }>,
  updatedItemIds: string[],
) {
  const keptOrientation = project.mode === "pairwise" ? await loadPairOrientations(client, updatedItemIds) : new Set<string>();
  const byItem = new Map<string, Array<{ id: string; position: number }>>();
  for (const row of responses) {
    const list = byItem.get(row.item_id) ?? [];
    list.push(row);
    byItem.set(row.item_id, list);
  }
  const u = { ids: [] as string[], itemIds: [] as string[], a: [] as (string | null)[], b: [] as (string | null)[], gold: [] as boolean[], target: [] as number[] };
  const push = (itemId: string, a: string | null, b: string | null, isGold: boolean) => {
    u.ids.push(randomUUID());
    u.itemIds.push(itemId);
    u.a.push(a);
    u.b.push(b);
    u.gold.push(isGold);
    u.target.push(isGold ? GOLD_TARGET : project.overlap);
  };
  for (const item of items) {
    const itemId = itemIdByExternal.get(item.id)!;
    const list = (byItem.get(itemId) ?? []).sort((x, y) => x.position - y.position);
    const externalOf = (position: number) => item.responses[position]?.id;
    const goldPair = item.gold ? new Set(item.gold.responses) : null;
    if (project.mode === "pairwise") {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const isGold = !!goldPair && goldPair.has(externalOf(list[i].position)!) && goldPair.has(externalOf(list[j].position)!);
          const isReversed = keptOrientation.has(`${list[j].id} ${list[i].id}`);
          push(itemId, isReversed ? list[j].id : list[i].id, isReversed ? list[i].id : list[j].id, isGold);
        }
      }
    } else if (project.mode === "rating") {
      for (const resp of list) push(itemId, resp.id, null, false);
    } else {
      push(itemId, null, null, !!item.gold);
    }
  }
  if (u.ids.length === 0) return;
  await client.query(
    `INSERT INTO units (id, project_id, item_id, response_a_id, response_b_id, is_gold, target, open)
     SELECT u.id, $1, u.item_id, u.a, u.b, u.gold, u.target, true
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::int[]) AS u(id, item_id, a, b, gold, target)
     ON CONFLICT (item_id, response_a_id, response_b_id) DO UPDATE
       SET is_gold = EXCLUDED.is_gold,
           target = CASE WHEN EXCLUDED.is_gold THEN EXCLUDED.target WHEN units.is_gold THEN $8 ELSE units.target END,
           open = (units.judgment_count + units.lease_count) < (CASE WHEN EXCLUDED.is_gold THEN EXCLUDED.target WHEN units.is_gold THEN $8 ELSE units.target END)`,
    [project.id, u.ids, u.itemIds, u.a, u.b, u.gold, u.target, project.overlap],
  );
}

// A pair keeps the orientation it was first imported with: when an update lists the responses
// in another order, the existing (b, a) unit, its judgments and their canonical signs stay valid
// instead of a second (a, b) unit appearing beside it.
async function loadPairOrientations(client: PoolClient, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const { rows } = await client.query<{ a: string; b: string }>(
    "SELECT response_a_id AS a, response_b_id AS b FROM units WHERE item_id = ANY($1::text[]) AND response_b_id IS NOT NULL",
    [itemIds],
  );
  return new Set(rows.map((r) => `${r.a} ${r.b}`));
}

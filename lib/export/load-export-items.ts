import "server-only";
import type { PoolClient } from "pg";
import { isInSplit } from "./assign-split";
import { buildJudgmentFilterSql, type TRaterFilter } from "./build-judgment-filter-sql";
import type { TJudgmentFilter } from "./filter-judgments";
import type { TRaterGoldStanding } from "./load-rater-gold-standing";
import { createRaterPseudonyms } from "./pseudonymize-rater";
import { toExportItems, type TItemRow, type TJudgmentRow, type TCommentRow, type TResponseRow } from "./to-export-items";
import type { TExportSplit } from "./schemas";
import type { TExportItem } from "./types";

// Items per batch. Larger batches save round trips but keep more of each batch alive long enough
// to reach V8's old space: 1000 peaked ~50 MB higher than 250 at the same speed (bench/export-dpo.ts).
export const DEFAULT_BATCH_ITEMS = 250;

export type TLoadExportItemsOptions = {
  /** A client inside the export's REPEATABLE READ transaction (see withExportSnapshot). */
  client: PoolClient;
  projectId: string;
  filter: TJudgmentFilter;
  raters: TRaterFilter;
  standing: Map<string, TRaterGoldStanding>;
  /** Judgments on units with fewer (admitted) raters are not loaded. */
  minRaters: number;
  /** Items outside the split are skipped before their responses and judgments are read. */
  split: { split: TExportSplit; testShare: number };
  /** Columns only some formats read; the rest are left out of the queries (see readsColumns). */
  columns: TExportColumns;
  batchItems?: number;
  /** Aborted when the client goes away: the next batch is not read. */
  signal?: AbortSignal;
};

/**
 * Judgment and item columns that only some exports read. Left out, a judgment's slotOrder and
 * comments are empty, rationale/confidence/activeSeconds null, aspects {}, propensity 1 and
 * createdAt "" — values no row builder of that export looks at.
 */
export type TExportColumns = {
  /** slot order, rationale, confidence, active time, line comments, aspects: raw rows. */
  details: boolean;
  /** canonical per-aspect values: aspect exports. */
  aspects: boolean;
  /** inverse-propensity weights: Bradley–Terry fits. */
  propensity: boolean;
  /** the judgment's time: raw rows, and the date filters when applied again in memory. */
  createdAt: boolean;
  /** items.metadata.tests: prompts rows. */
  tests: boolean;
};

let cursorCount = 0;

/**
 * Streams a project's items, ordered by external id (byte order, whatever the database's
 * collation), each with its responses and admitted judgments. A server-side cursor walks the item
 * ids; each batch of items is then read with three queries (four for raw rows), and the next batch is requested
 * before the current one is handed out, so the database works while rows are written. At most two
 * batches are held, whatever the project's size.
 *
 * The batch queries walk the ids with LATERAL … OFFSET 0 so that each item is an index lookup:
 * left to itself, the planner turns `item_id = ANY(<hundreds of ids>)` into a hash join over a
 * full scan of judgments, once per batch, which makes an export quadratic in the project's size.
 */
export async function* loadExportItems(options: TLoadExportItemsOptions): AsyncGenerator<TExportItem> {
  const { client, projectId } = options;
  const cursor = `export_items_${++cursorCount}`;
  const pseudonym = createRaterPseudonyms(projectId);
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT id, external_id FROM items WHERE project_id = $1 ORDER BY external_id COLLATE "C"`, [projectId]);
  let pending: Promise<TExportItem[] | null> | null = null;
  try {
    pending = readBatch(options, cursor, pseudonym);
    for (;;) {
      const batch = await pending;
      if (!batch) break;
      pending = readBatch(options, cursor, pseudonym);
      yield* batch;
    }
  } finally {
    // a consumer that stops early leaves a prefetch in flight: let it settle before closing
    if (pending) await pending.catch(() => null);
    // after a failed query the transaction is aborted and rolls back anyway: keep the first error
    await client.query(`CLOSE ${cursor}`).catch(() => {});
  }
}

async function readBatch(options: TLoadExportItemsOptions, cursor: string, pseudonym: (userId: string) => string): Promise<TExportItem[] | null> {
  const { client, split } = options;
  const size = options.batchItems ?? DEFAULT_BATCH_ITEMS;
  options.signal?.throwIfAborted();
  let ids: string[] = [];
  // skip whole batches of the other split without reading their contents
  while (ids.length === 0) {
    const { rows } = await client.query<{ id: string; external_id: string }>(`FETCH ${size} FROM ${cursor}`);
    if (rows.length === 0) return null;
    ids = rows.filter((r) => isInSplit({ itemId: r.external_id, ...split })).map((r) => r.id);
  }
  const tests = options.columns.tests ? "CASE WHEN jsonb_typeof(i.metadata->'tests') = 'string' THEN i.metadata->>'tests' END" : "NULL::text";
  const [items, responses, judgments] = await Promise.all([
    client.query<TItemRow>({
      name: options.columns.tests ? "export-items-tests" : "export-items",
      text: `SELECT i.id, i.external_id, i.prompt, i.language, ${tests} AS tests
               FROM unnest($1::text[]) WITH ORDINALITY AS b(item_id, n)
               CROSS JOIN LATERAL (SELECT * FROM items WHERE id = b.item_id OFFSET 0) i
              ORDER BY b.n`,
      values: [ids],
    }),
    client.query<TResponseRow>({
      name: "export-responses",
      text: `SELECT r.id, r.item_id, r.external_id, r.position, r.model, r.content, r.tests_passed, r.tests_total
               FROM unnest($1::text[]) WITH ORDINALITY AS b(item_id, n)
               CROSS JOIN LATERAL (SELECT * FROM responses WHERE item_id = b.item_id OFFSET 0) r
              ORDER BY b.n, r.position, r.external_id COLLATE "C"`,
      values: [ids],
    }),
    queryJudgments(options, ids),
  ]);
  const comments = options.columns.details && judgments.length ? await queryComments(client, judgments) : [];
  return toExportItems({ items: items.rows, responses: responses.rows, judgments, comments, standing: options.standing, pseudonym });
}

/** In the order of TJudgmentRow. */
const OUTPUT_COLUMNS = ["id", "user_id", "item_id", "response_a_id", "response_b_id", "canonical_pref", "both_bad", "ratings", "ranking", "rubric_version",
  "propensity", "created_at", "slot_order", "rationale", "confidence", "active_seconds", "canonical_aspects"].map((c) => `x.${c}`).join(", ");

function judgmentColumns(columns: TExportColumns): string {
  const { details, aspects, propensity, createdAt } = columns;
  return [
    "j.id, j.user_id, u.item_id, u.response_a_id, u.response_b_id, j.canonical_pref, j.both_bad, j.ratings, j.ranking, j.rubric_version",
    propensity || details ? "a.propensity" : "NULL::float8 AS propensity",
    createdAt || details ? `to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at` : "NULL::text AS created_at",
    details ? "a.slot_order, j.rationale, j.confidence, j.active_seconds" : "NULL::jsonb AS slot_order, NULL::text AS rationale, NULL::int AS confidence, NULL::float8 AS active_seconds",
    aspects || details ? "j.canonical_aspects" : "NULL::jsonb AS canonical_aspects",
  ].join(", ");
}

async function queryJudgments(options: TLoadExportItemsOptions, itemIds: string[]): Promise<TJudgmentRow[]> {
  const { columns } = options;
  const values: unknown[] = [itemIds];
  const filters = buildJudgmentFilterSql({ filter: options.filter, raters: options.raters, values });
  // assignments hold the propensity and slot order; the join costs as much as the rest of the query
  const assignments = columns.propensity || columns.details ? "JOIN assignments a ON a.id = j.assignment_id" : "";
  // one judgment per (unit, user) (assignments are unique on it), so count(*) per unit counts raters
  const isCountingRaters = options.minRaters > 1;
  const minRaters = isCountingRaters ? `WHERE n_unit >= ${Math.floor(options.minRaters)}` : "";
  const nUnit = isCountingRaters ? ", count(*) OVER (PARTITION BY j.unit_id) AS n_unit" : "";
  const { rows } = await options.client.query<TJudgmentRow>({
    rowMode: "array",
    text: `SELECT ${OUTPUT_COLUMNS}
       FROM unnest($1::text[]) WITH ORDINALITY AS b(item_id, n)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           SELECT ${judgmentColumns(columns)}, j.created_at AS created_ts${nUnit}
             FROM units u JOIN judgments j ON j.unit_id = u.id ${assignments}
            WHERE u.item_id = b.item_id${filters}
         ) admitted ${minRaters} OFFSET 0
       ) x
      ORDER BY b.n, x.created_ts, x.id`,
    values,
  });
  return rows;
}

async function queryComments(client: PoolClient, judgments: TJudgmentRow[]): Promise<TCommentRow[]> {
  const { rows } = await client.query<TCommentRow>({
    name: "export-comments",
    text: `SELECT c.judgment_id, c.slot, c.response_id, c.line_start, c.line_end, c.aspect, c.text
             FROM unnest($1::text[]) WITH ORDINALITY AS b(judgment_id, n)
             CROSS JOIN LATERAL (SELECT * FROM line_comments WHERE judgment_id = b.judgment_id OFFSET 0) c
            ORDER BY b.n, c.line_start, c.line_end, c.slot, c.id`,
    values: [judgments.map((j) => j[0])],
  });
  return rows;
}

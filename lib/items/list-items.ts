import "server-only";
import { getPool } from "@/lib/db/client";
import { ZGold, type TGold } from "./schemas";

export type TItemResponseSummary = {
  id: string;
  model: string;
  scores: Record<string, number> | null;
  tests: { passed: number; total: number } | null;
};

export type TItemSummary = {
  id: string;
  language: string;
  promptExcerpt: string;
  isGold: boolean;
  gold: TGold | null;
  responses: TItemResponseSummary[];
  units: number;
  judgments: number;
  updatedAt: Date;
};

export type TItemPage = { items: TItemSummary[]; total: number; nextCursor: string | null; prevCursor: string | null };

type TRow = {
  external_id: string; language: string; excerpt: string; gold: unknown; updated_at: Date; units: number; judgments: number;
  responses: Array<{ id: string; model: string; scores: Record<string, number> | null; passed: number | null; total: number | null }>;
};

const EXCERPT_CHARS = 240;

// Staff view of a project's items, in item-id order, one page at a time (keyset: `after` the
// last id of this page or `before` the first). Model names and scores are included, so this
// must never back an annotator-facing screen.
export async function listItems(opts: { projectId: string; after?: string; before?: string; q?: string; goldOnly?: boolean; limit?: number }): Promise<TItemPage> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const isBackward = !opts.after && !!opts.before;
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const filter = `project_id = $1 AND ($2::text IS NULL OR external_id ILIKE $2) AND (NOT $3 OR gold IS NOT NULL)`;
  const pool = getPool();
  const [page, count] = await Promise.all([
    pool.query<TRow>(
      `WITH page AS (
         SELECT id, external_id, language, left(prompt, ${EXCERPT_CHARS}) AS excerpt, gold, updated_at
           FROM items
          WHERE ${filter} AND ($4::text IS NULL OR external_id ${isBackward ? "<" : ">"} $4)
          ORDER BY external_id ${isBackward ? "DESC" : "ASC"}
          LIMIT $5
       )
       SELECT p.external_id, p.language, p.excerpt, p.gold, p.updated_at,
              COALESCE((SELECT json_agg(json_build_object('id', r.external_id, 'model', r.model, 'scores', r.scores,
                                                          'passed', r.tests_passed, 'total', r.tests_total) ORDER BY r.position)
                          FROM responses r WHERE r.item_id = p.id), '[]'::json) AS responses,
              (SELECT count(*)::int FROM units u WHERE u.item_id = p.id) AS units,
              (SELECT COALESCE(sum(u.judgment_count), 0)::int FROM units u WHERE u.item_id = p.id) AS judgments
         FROM page p
        ORDER BY p.external_id`,
      [opts.projectId, pattern, opts.goldOnly ?? false, (isBackward ? opts.before : opts.after) ?? null, limit + 1],
    ),
    pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM items WHERE ${filter}`, [opts.projectId, pattern, opts.goldOnly ?? false]),
  ]);
  let rows = page.rows;
  const hasMore = rows.length > limit;
  if (hasMore) rows = isBackward ? rows.slice(1) : rows.slice(0, limit);
  const items = rows.map(toSummary);
  const first = items[0]?.id ?? null;
  const last = items[items.length - 1]?.id ?? null;
  const hasNext = isBackward ? true : hasMore;
  const hasPrev = isBackward ? hasMore : !!opts.after;
  return { items, total: count.rows[0].total, nextCursor: hasNext && last ? last : null, prevCursor: hasPrev && first ? first : null };
}

function toSummary(row: TRow): TItemSummary {
  const gold = ZGold.safeParse(row.gold);
  return {
    id: row.external_id,
    language: row.language,
    promptExcerpt: row.excerpt,
    isGold: row.gold !== null,
    gold: gold.success ? gold.data : null,
    responses: row.responses.map((r) => ({
      id: r.id,
      model: r.model,
      scores: r.scores,
      tests: r.passed !== null && r.total !== null ? { passed: r.passed, total: r.total } : null,
    })),
    units: row.units,
    judgments: row.judgments,
    updatedAt: row.updated_at,
  };
}

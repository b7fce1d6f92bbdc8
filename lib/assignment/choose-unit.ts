import "server-only";
import type { PoolClient } from "pg";

export type TChosenUnit = { unitId: string; propensity: number; reason: string };
export type TProjectForChoice = { id: string; sampling: "random" | "active"; goldRate: number; epsilon: number; reserveShare: number };

// Eligible = open (fewer judgments + live leases than wanted), not gold, never assigned to this
// rater (skips included). Rows come back locked with SKIP LOCKED, so concurrent callers never
// take the same capacity twice. Named statements: each pooled connection parses and plans them once.
const ELIGIBLE = `u.project_id = $1 AND u.open AND NOT u.is_gold
  AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)`;

export async function chooseRandomUnit(client: PoolClient, opts: { projectId: string; userId: string; random: () => number; openCount: number }): Promise<TChosenUnit | null> {
  // a random start on the indexed `rand` column gives a uniform pick without sorting 600k rows
  const start = opts.random();
  for (const [from, to] of [[start, 1.1], [-0.1, start]] as const) {
    const { rows } = await client.query<{ id: string }>({
      name: "choose-random-unit",
      text: `SELECT u.id FROM units u WHERE ${ELIGIBLE} AND u.rand >= $3 AND u.rand < $4
              ORDER BY u.rand LIMIT 1 FOR UPDATE OF u SKIP LOCKED`,
      values: [opts.projectId, opts.userId, from, to],
    });
    if (rows[0]) return { unitId: rows[0].id, propensity: 1 / Math.max(1, opts.openCount), reason: "random" };
  }
  return null;
}

export async function chooseGoldUnit(client: PoolClient, opts: { projectId: string; userId: string; random: () => number }): Promise<TChosenUnit | null> {
  const { rows } = await client.query<{ id: string }>({
    name: "choose-gold-unit",
    text: `SELECT u.id FROM units u
            WHERE u.project_id = $1 AND u.is_gold AND u.open
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)
            ORDER BY u.rand LIMIT 8 FOR UPDATE OF u SKIP LOCKED`,
    values: [opts.projectId, opts.userId],
  });
  if (!rows.length) return null;
  const pick = rows[Math.floor(opts.random() * rows.length)];
  return { unitId: pick.id, propensity: 1 / rows.length, reason: "gold" };
}

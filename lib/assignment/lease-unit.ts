import "server-only";
import { randomInt } from "node:crypto";
import type pg from "pg";
import { AppError } from "@/lib/errors/app-error";
import type { TAssignmentView } from "./schemas";
import { assignmentViewSql, toAssignmentView, type TViewRow } from "./load-assignment-view";

export type TQueryable = Pick<pg.Pool, "query">;
export type TChosenUnit = { unitId: string; propensity: number; reason: string };
export type TLeased = TChosenUnit & { view: TAssignmentView };

// Eligible = open (fewer judgments + live leases than wanted), not gold, never assigned to this
// rater (skips included).
export const ELIGIBLE = `u.project_id = $1 AND u.open AND NOT u.is_gold
  AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)`;
const UNIT_COLUMNS = "u.id, u.item_id, u.response_a_id, u.response_b_id, u.is_gold";
// a drawn unit the rater has had before is locked but not leased (`seen`): the caller draws again
const SEEN = "EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)";

// What a lease statement locks: one unit row, FOR UPDATE SKIP LOCKED, so concurrent callers
// never take the same capacity twice and never wait for each other.
//   random: the first eligible unit at or after a random point on the indexed `rand` column,
//     wrapping round once (a uniform pick without sorting 600k rows; the second arm runs only
//     when the first finds nothing);
//   unit: a unit already drawn by the caller (active and gold choices), if still open; drawn from
//     a list not filtered for this rater (lib/assignment/candidate-cache.ts), so whether the rater
//     has had it is read here.
const PICKS = {
  random: `SELECT * FROM (
      (SELECT * FROM (SELECT ${UNIT_COLUMNS}, false AS seen FROM units u WHERE ${ELIGIBLE} AND u.rand >= $7::float8 ORDER BY u.rand LIMIT 1 FOR UPDATE OF u SKIP LOCKED) upper_half)
      UNION ALL
      (SELECT * FROM (SELECT ${UNIT_COLUMNS}, false AS seen FROM units u WHERE ${ELIGIBLE} AND u.rand < $7::float8 ORDER BY u.rand LIMIT 1 FOR UPDATE OF u SKIP LOCKED) lower_half)
    ) c LIMIT 1`,
  unit: `SELECT ${UNIT_COLUMNS}, ${SEEN} AS seen FROM units u WHERE u.id = $7::text AND u.project_id = $1 AND u.open FOR UPDATE OF u SKIP LOCKED`,
};

// Lock, lease and view in one statement (atomic without a transaction, one round trip). The
// assignment is written first and the unit's capacity taken only for a written assignment, so a
// conflict (the same rater leasing the same unit from two tabs at once) writes nothing.
// Slot order: a pair is shown either way round with equal odds; a rating unit has one slot; a
// ranking unit shows every response of the item in a random order.
function leaseSql(pick: string): string {
  return `
  WITH pick AS (${pick}),
  written AS (
    INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, propensity, reason, is_gold, leased_at, expires_at)
    SELECT gen_random_uuid()::text, $1, c.id, $2, 'LEASED',
           CASE WHEN c.response_b_id IS NOT NULL AND $3 THEN jsonb_build_array(c.response_b_id, c.response_a_id)
                WHEN c.response_b_id IS NOT NULL THEN jsonb_build_array(c.response_a_id, c.response_b_id)
                WHEN c.response_a_id IS NOT NULL THEN jsonb_build_array(c.response_a_id)
                ELSE (SELECT jsonb_agg(r.id ORDER BY random()) FROM responses r WHERE r.item_id = c.item_id) END,
           $4, $5, c.is_gold, now(), now() + make_interval(secs => $6)
      FROM pick c WHERE NOT c.seen
    ON CONFLICT (unit_id, user_id) DO UPDATE SET status = 'LEASED', slot_order = EXCLUDED.slot_order, propensity = EXCLUDED.propensity,
      reason = EXCLUDED.reason, leased_at = now(), expires_at = EXCLUDED.expires_at, draft = NULL
      WHERE assignments.status = 'EXPIRED'
    RETURNING id, expires_at, project_id, unit_id, slot_order, draft
  ), taken AS (
    UPDATE units u SET lease_count = u.lease_count + 1, open = u.judgment_count + u.lease_count + 1 < u.target
      FROM written w WHERE u.id = w.unit_id
  )
  SELECT pick.id AS picked_unit_id, pick.seen, v.* FROM pick LEFT JOIN (${assignmentViewSql("written")}) v ON true`;
}
const LEASE_SQL = { random: leaseSql(PICKS.random), unit: leaseSql(PICKS.unit) };

export type TPick = { kind: "random"; start: number } | { kind: "unit"; unitId: string };

/**
 * What a lease attempt found: the lease, or why nothing was leased: no unit matched (none
 * eligible; the drawn unit closed or is held by another request), or the drawn unit is one this
 * rater has had.
 */
export type TLeaseOutcome = { kind: "leased"; leased: TLeased } | { kind: "unavailable" } | { kind: "seen" };

export async function tryLeaseUnit(
  db: TQueryable,
  opts: { projectId: string; userId: string; pick: TPick; propensity: number; reason: string; leaseSeconds: number },
): Promise<TLeaseOutcome> {
  const isSwapped = randomInt(0, 2) === 1;
  const { rows } = await db.query<TViewRow & { picked_unit_id: string; seen: boolean }>({
    name: `lease-unit-${opts.pick.kind}`,
    text: LEASE_SQL[opts.pick.kind],
    values: [opts.projectId, opts.userId, isSwapped, opts.propensity, opts.reason, opts.leaseSeconds, opts.pick.kind === "random" ? opts.pick.start : opts.pick.unitId],
  });
  const row = rows[0];
  if (!row) return { kind: "unavailable" };
  if (row.seen) return { kind: "seen" };
  if (row.id === null) throw new AppError("conflict", "Unit already assigned to you; retry");
  return { kind: "leased", leased: { unitId: row.picked_unit_id, propensity: opts.propensity, reason: opts.reason, view: toAssignmentView(row) } };
}

/** Leases the picked unit to the rater; null when nothing was leased (none eligible, or the drawn unit is locked, closed or seen). */
export async function leaseUnit(db: TQueryable, opts: Parameters<typeof tryLeaseUnit>[1]): Promise<TLeased | null> {
  const outcome = await tryLeaseUnit(db, opts);
  return outcome.kind === "leased" ? outcome.leased : null;
}

import "server-only";
import { randomInt } from "node:crypto";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors/app-error";
import type { TChosenUnit } from "./choose-unit";

// Takes one unit of capacity and records the lease in one statement (inside the caller's
// transaction, the unit row already locked by the choice). Slot order: a pair is shown either
// way round with equal odds; a rating unit has one slot; a ranking unit shows every response
// of the item in a random order.
const LEASE_SQL = `
  WITH leased AS (
    UPDATE units SET lease_count = lease_count + 1, open = judgment_count + lease_count + 1 < target
     WHERE id = $2 RETURNING id, item_id, response_a_id, response_b_id, is_gold
  ), shown AS (
    SELECT l.id, l.is_gold, CASE
             WHEN l.response_b_id IS NOT NULL AND $4 THEN jsonb_build_array(l.response_b_id, l.response_a_id)
             WHEN l.response_b_id IS NOT NULL THEN jsonb_build_array(l.response_a_id, l.response_b_id)
             WHEN l.response_a_id IS NOT NULL THEN jsonb_build_array(l.response_a_id)
             ELSE (SELECT jsonb_agg(r.id ORDER BY random()) FROM responses r WHERE r.item_id = l.item_id)
           END AS slot_order
      FROM leased l
  )
  INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, propensity, reason, is_gold, leased_at, expires_at)
  SELECT gen_random_uuid()::text, $1, s.id, $3, 'LEASED', s.slot_order, $5, $6, s.is_gold, now(), now() + make_interval(secs => $7)
    FROM shown s
  ON CONFLICT (unit_id, user_id) DO UPDATE SET status = 'LEASED', slot_order = EXCLUDED.slot_order, propensity = EXCLUDED.propensity,
    reason = EXCLUDED.reason, leased_at = now(), expires_at = EXCLUDED.expires_at, draft = NULL
    WHERE assignments.status = 'EXPIRED'
  RETURNING id`;

export async function leaseUnit(client: PoolClient, opts: { projectId: string; userId: string; chosen: TChosenUnit; leaseSeconds: number }): Promise<string> {
  const isSwapped = randomInt(0, 2) === 1;
  const { rows } = await client.query<{ id: string }>({
    name: "lease-unit",
    text: LEASE_SQL,
    values: [opts.projectId, opts.chosen.unitId, opts.userId, isSwapped, opts.chosen.propensity, opts.chosen.reason, opts.leaseSeconds],
  });
  if (!rows[0]) throw new AppError("conflict", "Unit already assigned to you; retry");
  return rows[0].id;
}

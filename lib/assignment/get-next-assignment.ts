import "server-only";
import { randomInt } from "node:crypto";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { sweepExpiredLeases } from "./sweep-expired-leases";
import { chooseUnitForProject } from "./choose-unit-for-project";
import { loadAssignmentView } from "./load-assignment-view";
import type { TAssignmentView } from "./schemas";

const random = () => randomInt(0, 2 ** 47) / 2 ** 47;

function shuffle<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The caller's live lease comes back first (a reload resumes where it was); `exclude` lets the
// client fetch the one after it ahead of time.
export async function getNextAssignment(opts: { caller: TCaller; projectId: string; exclude?: string[] }): Promise<TAssignmentView | null> {
  const { caller, projectId } = opts;
  if (caller.role === "TRAINER") throw new AppError("forbidden", "Trainers do not annotate; use an annotator or admin account");
  const access = await assertProjectAccess({ caller, projectId });
  if (caller.role === "ANNOTATOR" && !access.member) throw new AppError("forbidden", "Not a member of this project");
  if (access.paused) throw new AppError("forbidden", "Your work on this project is paused by an admin");

  const pool = getPool();
  const exclude = opts.exclude ?? [];
  const live = await pool.query<{ id: string }>(
    `SELECT id FROM assignments WHERE user_id = $1 AND project_id = $2 AND status = 'LEASED' AND expires_at > now() + interval '30 seconds'
        AND NOT (id = ANY($3::text[])) ORDER BY leased_at LIMIT 1`,
    [caller.id, projectId, exclude],
  );
  if (live.rows[0]) return loadAssignmentView(live.rows[0].id);

  const client = await pool.connect();
  let assignmentId: string | null = null;
  try {
    await sweepExpiredLeases(client, projectId);
    await client.query("BEGIN");
    const { rows: projects } = await client.query<{ id: string; sampling: "random" | "active"; gold_rate: number; epsilon: number; reserve_share: number; lease_seconds: number }>(
      "SELECT id, sampling, gold_rate, epsilon, reserve_share, lease_seconds FROM projects WHERE id = $1",
      [projectId],
    );
    const project = projects[0];
    const chosen = await chooseUnitForProject(client, {
      project: { id: project.id, sampling: project.sampling, goldRate: project.gold_rate, epsilon: project.epsilon, reserveShare: project.reserve_share },
      userId: caller.id,
      random,
    });
    if (!chosen) {
      await client.query("ROLLBACK");
      return null;
    }
    const { rows: units } = await client.query<{ item_id: string; response_a_id: string | null; response_b_id: string | null; is_gold: boolean }>(
      `UPDATE units SET lease_count = lease_count + 1, open = judgment_count + lease_count + 1 < target
        WHERE id = $1 RETURNING item_id, response_a_id, response_b_id, is_gold`,
      [chosen.unitId],
    );
    const unit = units[0];
    let responseIds: string[];
    if (unit.response_a_id && unit.response_b_id) responseIds = [unit.response_a_id, unit.response_b_id];
    else if (unit.response_a_id) responseIds = [unit.response_a_id];
    else {
      const all = await client.query<{ id: string }>("SELECT id FROM responses WHERE item_id = $1 ORDER BY position", [unit.item_id]);
      responseIds = all.rows.map((r) => r.id);
    }
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, propensity, reason, is_gold, leased_at, expires_at)
       VALUES (gen_random_uuid()::text, $1, $2, $3, 'LEASED', $4::jsonb, $5, $6, $7, now(), now() + make_interval(secs => $8))
       ON CONFLICT (unit_id, user_id) DO UPDATE SET status = 'LEASED', slot_order = EXCLUDED.slot_order, propensity = EXCLUDED.propensity,
         reason = EXCLUDED.reason, leased_at = now(), expires_at = EXCLUDED.expires_at, draft = NULL
         WHERE assignments.status = 'EXPIRED'
       RETURNING id`,
      [projectId, chosen.unitId, caller.id, JSON.stringify(shuffle(responseIds)), chosen.propensity, chosen.reason, unit.is_gold, project.lease_seconds],
    );
    if (!inserted.rows[0]) throw new AppError("conflict", "Unit already assigned to you; retry");
    await client.query("COMMIT");
    assignmentId = inserted.rows[0].id;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return loadAssignmentView(assignmentId);
}

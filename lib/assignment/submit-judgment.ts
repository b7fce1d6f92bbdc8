import "server-only";
import { randomUUID } from "node:crypto";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { canonicalizeJudgment } from "./canonicalize-judgment";
import { loadCurrentRubric } from "./load-current-rubric";
import { validateJudgment } from "./validate-judgment";
import { onJudgmentRecorded } from "./on-judgment-recorded";
import type { TJudgmentInput } from "./schemas";

type TAssignmentRow = {
  id: string; project_id: string; unit_id: string; user_id: string; status: string; expired: boolean; slot_order: string[];
  mode: string; response_a_id: string | null; response_b_id: string | null; escalation_cap: number;
};

// Idempotent: the assignment row is locked, so a double click or a retried request finds the
// judgment the first one stored and gets the same id back (created = false).
export async function submitJudgment(opts: { caller: TCaller; assignmentId: string; input: TJudgmentInput }): Promise<{ judgmentId: string; created: boolean }> {
  const { caller, input } = opts;
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<TAssignmentRow>(
      `SELECT a.id, a.project_id, a.unit_id, a.user_id, a.status, a.expires_at < now() AS expired, a.slot_order,
              p.mode, u.response_a_id, u.response_b_id, p.escalation_cap
         FROM assignments a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = a.unit_id
        WHERE a.id = $1 FOR UPDATE OF a`,
      [opts.assignmentId],
    );
    const a = rows[0];
    if (!a || a.user_id !== caller.id) throw new AppError("not_found", "No such assignment for you");
    const existing = await client.query<{ id: string; idempotency_key: string }>("SELECT id, idempotency_key FROM judgments WHERE assignment_id = $1", [a.id]);
    if (existing.rows[0]) {
      await client.query("ROLLBACK");
      if (existing.rows[0].idempotency_key === input.idempotencyKey) return { judgmentId: existing.rows[0].id, created: false };
      throw new AppError("already_done", "This assignment already has a judgment");
    }
    if (a.status === "SKIPPED") throw new AppError("conflict", "This assignment was skipped");
    if (a.status !== "LEASED" || a.expired) throw new AppError("assignment_expired", "The lease on this assignment expired; your draft is kept, fetch the next assignment");
    const reused = await client.query("SELECT 1 FROM judgments WHERE user_id = $1 AND idempotency_key = $2", [caller.id, input.idempotencyKey]);
    if (reused.rowCount) throw new AppError("conflict", "idempotencyKey already used for another assignment");

    const rubric = await loadCurrentRubric(client, a.project_id);
    validateJudgment({ input, mode: a.mode, rubric, slotCount: a.slot_order.length });
    const canon = canonicalizeJudgment({ input, slotOrder: a.slot_order, unitResponseA: a.mode === "pairwise" ? a.response_a_id : null });
    const judgmentId = randomUUID();
    await client.query(
      `INSERT INTO judgments (id, assignment_id, project_id, unit_id, user_id, rubric_id, rubric_version, idempotency_key, preference, canonical_pref,
                              both_bad, aspects, canonical_aspects, ratings, ranking, rationale, confidence, active_seconds, left_slot_response_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13::jsonb,$14::jsonb,$15::jsonb,$16,$17,$18,$19)`,
      [
        judgmentId, a.id, a.project_id, a.unit_id, caller.id, rubric.id, rubric.version, input.idempotencyKey,
        input.preference ?? null, canon.preference, input.bothBad ?? false, JSON.stringify(input.aspects ?? {}), JSON.stringify(canon.aspects),
        canon.ratings ? JSON.stringify(canon.ratings) : null, canon.ranking ? JSON.stringify(canon.ranking) : null,
        input.rationale?.trim() || null, input.confidence ?? null, input.activeSeconds ?? null, a.slot_order[0] ?? null,
      ],
    );
    for (const c of input.comments ?? []) {
      await client.query(
        `INSERT INTO line_comments (id, judgment_id, slot, response_id, line_start, line_end, aspect, text) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [randomUUID(), judgmentId, c.slot, canon.responseOfSlot(c.slot), c.lineStart, c.lineEnd, c.aspect ?? null, c.text],
      );
    }
    await client.query("UPDATE assignments SET status = 'SUBMITTED', completed_at = now(), draft = NULL WHERE id = $1", [a.id]);
    const sign = input.bothBad ? 0 : Math.sign(canon.preference ?? 0);
    // opposite signs on one pair: raise its target by one, up to the project's cap, before it counts as settled.
    // The bump is computed from the locked row itself: a sub-select would read the snapshot taken
    // before waiting for a concurrent submit on the same unit, and miss that judgment's sign.
    const bump = `(CASE WHEN NOT is_gold AND escalations < $3 AND positives + ($2 > 0)::int > 0 AND negatives + ($2 < 0)::int > 0
                         AND judgment_count + 1 >= target THEN 1 ELSE 0 END)`;
    await client.query(
      `UPDATE units SET judgment_count = judgment_count + 1, lease_count = GREATEST(0, lease_count - 1),
              sign_sum = sign_sum + $2, positives = positives + ($2 > 0)::int, negatives = negatives + ($2 < 0)::int,
              escalations = escalations + ${bump}, target = target + ${bump},
              open = judgment_count + 1 + GREATEST(0, lease_count - 1) < target + ${bump}
        WHERE id = $1`,
      [a.unit_id, sign, a.escalation_cap],
    );
    await onJudgmentRecorded(client, { projectId: a.project_id, unitId: a.unit_id, mode: a.mode, canonicalPreference: input.bothBad ? null : canon.preference, ranking: canon.ranking });
    await client.query("COMMIT");
    return { judgmentId, created: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // the same key sent for two assignments at once: both pass the check above, the index decides
    if (isUniqueViolation(error, "judgments_user_id_idempotency_key_key")) throw new AppError("conflict", "idempotencyKey already used for another assignment");
    throw error;
  } finally {
    client.release();
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === "23505" && e.constraint === constraint;
}

import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { ZStoredAspects, type TRubric } from "@/lib/projects/schemas";
import { canonicalizeJudgment } from "./canonicalize-judgment";
import { validateJudgment } from "./validate-judgment";
import { onJudgmentRecorded } from "./on-judgment-recorded";
import { recordJudgment, type TLockedAssignment } from "./record-judgment";
import type { TJudgmentInput } from "./schemas";

type TAssignmentRow = TLockedAssignment & {
  status: string; expired: boolean; mode: string; response_a_id: string | null; response_b_id: string | null;
  rubric_aspects: unknown; rubric_rationale: TRubric["rationale"] | null;
};

// The assignment row locked, with what validating a judgment on it needs: the project's mode and
// current rubric, read on this connection (waiting for a second pool connection while holding
// this one could exhaust the pool).
const LOCK_SQL = `
  SELECT a.id, a.project_id, a.unit_id, a.user_id, a.status, a.expires_at < now() AS expired, a.slot_order,
         p.mode, u.response_a_id, u.response_b_id, p.escalation_cap,
         rb.id AS rubric_id, rb.version AS rubric_version, rb.aspects AS rubric_aspects, rb.rationale AS rubric_rationale
    FROM assignments a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = a.unit_id
    LEFT JOIN LATERAL (SELECT id, version, aspects, rationale FROM rubrics WHERE project_id = a.project_id ORDER BY version DESC LIMIT 1) rb ON true
   WHERE a.id = $1 FOR UPDATE OF a`;

// Idempotent: the assignment row is locked, so a double click or a retried request finds the
// judgment the first one stored and gets the same id back (created = false).
export async function submitJudgment(opts: { caller: TCaller; assignmentId: string; input: TJudgmentInput }): Promise<{ judgmentId: string; created: boolean }> {
  const { caller, input } = opts;
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<TAssignmentRow>({ name: "lock-assignment-for-judgment", text: LOCK_SQL, values: [opts.assignmentId] });
    const a = rows[0];
    if (!a || a.user_id !== caller.id) throw new AppError("not_found", "No such assignment for you");
    if (a.status === "SUBMITTED") {
      const existing = await client.query<{ id: string; idempotency_key: string }>("SELECT id, idempotency_key FROM judgments WHERE assignment_id = $1", [a.id]);
      await client.query("ROLLBACK");
      if (existing.rows[0]?.idempotency_key === input.idempotencyKey) return { judgmentId: existing.rows[0].id, created: false };
      throw new AppError("already_done", "This assignment already has a judgment");
    }
    if (a.status === "SKIPPED") throw new AppError("conflict", "This assignment was skipped");
    if (a.status !== "LEASED" || a.expired) throw new AppError("assignment_expired", "The lease on this assignment expired; your draft is kept, fetch the next assignment");
    if (a.rubric_version === null || a.rubric_rationale === null) throw new AppError("not_found", "Project has no rubric");

    const rubric: TRubric = { version: a.rubric_version, aspects: ZStoredAspects.parse(a.rubric_aspects), rationale: a.rubric_rationale };
    validateJudgment({ input, mode: a.mode, rubric, slotCount: a.slot_order.length });
    const canon = canonicalizeJudgment({ input, slotOrder: a.slot_order, unitResponseA: a.mode === "pairwise" ? a.response_a_id : null });
    const judgmentId = await recordJudgment(client, { assignment: a, input, canon });
    await onJudgmentRecorded(client, { projectId: a.project_id, unitId: a.unit_id, mode: a.mode, canonicalPreference: input.bothBad ? null : canon.preference, ranking: canon.ranking });
    await client.query("COMMIT");
    return { judgmentId, created: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // a key already used on another assignment: the unique index decides, also between concurrent requests
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

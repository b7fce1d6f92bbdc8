import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { ZStoredAspects, type TRubric } from "@/lib/projects/schemas";
import { canonicalizeJudgment } from "./canonicalize-judgment";
import { validateJudgment } from "./validate-judgment";
import { learnsOnline, onJudgmentRecorded } from "./on-judgment-recorded";
import { recordJudgment, type TReadAssignment } from "./record-judgment";
import type { TJudgmentInput } from "./schemas";

type TAssignmentRow = TReadAssignment & {
  status: string; expired: boolean; mode: string; sampling: string; response_a_id: string | null; response_b_id: string | null;
  rubric_aspects: unknown; rubric_rationale: TRubric["rationale"] | null;
};

// The assignment with what validating a judgment on it needs: the project's mode and current
// rubric. Read without a lock: the write (lib/assignment/record-judgment.ts) re-checks that the
// lease is still live, atomically.
const READ_SQL = `
  SELECT a.id, a.project_id, a.unit_id, a.user_id, a.status, a.expires_at < now() AS expired, a.slot_order,
         p.mode, p.sampling, u.response_a_id, u.response_b_id, p.escalation_cap,
         rb.id AS rubric_id, rb.version AS rubric_version, rb.aspects AS rubric_aspects, rb.rationale AS rubric_rationale
    FROM assignments a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = a.unit_id
    LEFT JOIN LATERAL (SELECT id, version, aspects, rationale FROM rubrics WHERE project_id = a.project_id ORDER BY version DESC LIMIT 1) rb ON true
   WHERE a.id = $1`;

async function readAssignment(assignmentId: string): Promise<TAssignmentRow | undefined> {
  const { rows } = await getPool().query<TAssignmentRow>({ name: "read-assignment-for-judgment", text: READ_SQL, values: [assignmentId] });
  return rows[0];
}

// Why an assignment takes no judgment now; a retry of a judgment already stored (same
// idempotency key: a double click, a resent request) gets that judgment back instead.
async function explainNotLive(a: TAssignmentRow | undefined, caller: TCaller, input: TJudgmentInput): Promise<{ judgmentId: string; created: false }> {
  if (!a || a.user_id !== caller.id) throw new AppError("not_found", "No such assignment for you");
  if (a.status === "SUBMITTED") {
    const { rows } = await getPool().query<{ id: string; idempotency_key: string }>("SELECT id, idempotency_key FROM judgments WHERE assignment_id = $1", [a.id]);
    if (rows[0]?.idempotency_key === input.idempotencyKey) return { judgmentId: rows[0].id, created: false };
    throw new AppError("already_done", "This assignment already has a judgment");
  }
  if (a.status === "SKIPPED") throw new AppError("conflict", "This assignment was skipped");
  throw new AppError("assignment_expired", "The lease on this assignment expired; your draft is kept, fetch the next assignment");
}

// Idempotent: a double click or a retried request finds the judgment the first one stored and
// gets the same id back (created = false). Random sampling stores a judgment in one statement;
// an actively sampled pair also updates the item's posteriors in the same transaction.
export async function submitJudgment(opts: { caller: TCaller; assignmentId: string; input: TJudgmentInput }): Promise<{ judgmentId: string; created: boolean }> {
  const { caller, input } = opts;
  const a = await readAssignment(opts.assignmentId);
  if (!a || a.user_id !== caller.id || a.status !== "LEASED" || a.expired) return explainNotLive(a, caller, input);
  if (a.rubric_version === null || a.rubric_rationale === null) throw new AppError("not_found", "Project has no rubric");

  const rubric: TRubric = { version: a.rubric_version, aspects: ZStoredAspects.parse(a.rubric_aspects), rationale: a.rubric_rationale };
  validateJudgment({ input, mode: a.mode, rubric, slotCount: a.slot_order.length });
  const canon = canonicalizeJudgment({ input, slotOrder: a.slot_order, unitResponseA: a.mode === "pairwise" ? a.response_a_id : null });
  const event = { projectId: a.project_id, unitId: a.unit_id, mode: a.mode, sampling: a.sampling, isPair: a.response_b_id !== null, canonicalPreference: input.bothBad ? null : canon.preference, ranking: canon.ranking };

  let judgmentId: string | null;
  try {
    judgmentId = learnsOnline(event) ? await recordAndLearn(a, input, canon, event) : await recordJudgment(getPool(), { assignment: a, input, canon });
  } catch (error) {
    // a key already used on another assignment: the unique index decides, also between concurrent requests
    if (isUniqueViolation(error, "judgments_user_id_idempotency_key_key")) throw new AppError("conflict", "idempotencyKey already used for another assignment");
    throw error;
  }
  if (judgmentId) return { judgmentId, created: true };
  return explainNotLive(await readAssignment(opts.assignmentId), caller, input);
}

async function recordAndLearn(a: TAssignmentRow, input: TJudgmentInput, canon: ReturnType<typeof canonicalizeJudgment>, event: Parameters<typeof onJudgmentRecorded>[1]): Promise<string | null> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const judgmentId = await recordJudgment(client, { assignment: a, input, canon });
    if (judgmentId) await onJudgmentRecorded(client, event);
    await client.query("COMMIT");
    return judgmentId;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === "23505" && e.constraint === constraint;
}

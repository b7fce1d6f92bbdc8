import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { ZStoredAspects, type TRubric } from "@/lib/projects/schemas";
import { canonicalizeJudgment } from "./canonicalize-judgment";
import { validateJudgment } from "./validate-judgment";
import { learnsOnline } from "./learns-online";
import { recordJudgment, type TReadAssignment } from "./record-judgment";
import { scheduleLearning } from "@/lib/ranking/schedule-learning";
import type { TJudgmentInput } from "./schemas";

type TAssignmentRow = TReadAssignment & {
  status: string; expired: boolean; mode: string; sampling: string; response_a_id: string | null; response_b_id: string | null;
  rubric_aspects: unknown; rubric_rationale: TRubric["rationale"] | null; item_id: string;
};

// The assignment with what validating a judgment on it needs: the project's mode and current
// rubric. Read without a lock: the write (lib/assignment/record-judgment.ts) re-checks that the
// lease is still live, atomically.
const READ_SQL = `
  SELECT a.id, a.project_id, a.unit_id, a.user_id, a.status, a.expires_at < now() AS expired, a.slot_order,
         p.mode, p.sampling, u.response_a_id, u.response_b_id, p.escalation_cap,
         rb.id AS rubric_id, rb.version AS rubric_version, rb.aspects AS rubric_aspects, rb.rationale AS rubric_rationale, u.item_id
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
// gets the same id back (created = false). A judgment is one write statement; on an actively
// sampled pair it also queues the judgment for the learner (lib/ranking/schedule-learning.ts),
// which folds it into the posteriors about LEARNING_DELAY_MS (200 ms) later.
// a deadlock rolls the whole write back, so it is simply tried again, this many times at most
const MAX_ATTEMPTS = 6;

export async function submitJudgment(opts: {
  caller: TCaller; assignmentId: string; input: TJudgmentInput;
  /** false: a deadlock is thrown, not retried (tests that must see one) */
  retryDeadlocks?: boolean;
}): Promise<{ judgmentId: string; created: boolean }> {
  const { caller, input } = opts;
  const maxAttempts = opts.retryDeadlocks === false ? 1 : MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const a = await readAssignment(opts.assignmentId);
    if (!a || a.user_id !== caller.id || a.status !== "LEASED" || a.expired) return explainNotLive(a, caller, input);
    if (a.rubric_version === null || a.rubric_rationale === null) throw new AppError("not_found", "Project has no rubric");

    const rubric: TRubric = { version: a.rubric_version, aspects: ZStoredAspects.parse(a.rubric_aspects), rationale: a.rubric_rationale };
    validateJudgment({ input, mode: a.mode, rubric, slotCount: a.slot_order.length });
    const canon = canonicalizeJudgment({ input, slotOrder: a.slot_order, unitResponseA: a.mode === "pairwise" ? a.response_a_id : null });
    const learns = learnsOnline({ mode: a.mode, sampling: a.sampling, responseB: a.response_b_id, canonicalPreference: input.bothBad ? null : canon.preference });
    const judgmentId = await mapWriteErrors(() => recordJudgment(getPool(), { assignment: a, input, canon, learnsItemId: learns ? a.item_id : null }), attempt < maxAttempts);
    if (judgmentId === "retry") continue;
    if (!judgmentId) return explainNotLive(await readAssignment(opts.assignmentId), caller, input);
    if (learns) scheduleLearning();
    return { judgmentId, created: true };
  }
}

// A key already used on another assignment: the unique index decides, also between concurrent
// requests. A deadlock rolled the statement back whole: it is tried again.
async function mapWriteErrors<T>(write: () => Promise<T>, mayRetry: boolean): Promise<T | "retry"> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "judgments_user_id_idempotency_key_key")) throw new AppError("conflict", "idempotencyKey already used for another assignment");
    if (mayRetry && (error as { code?: string } | null)?.code === "40P01") return "retry";
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === "23505" && e.constraint === constraint;
}

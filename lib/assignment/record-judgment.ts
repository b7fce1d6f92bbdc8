import "server-only";
import { randomUUID } from "node:crypto";
import type { TQueryable } from "./lease-unit";
import type { canonicalizeJudgment } from "./canonicalize-judgment";
import type { TJudgmentInput } from "./schemas";

export type TReadAssignment = {
  id: string; project_id: string; unit_id: string; user_id: string; slot_order: string[]; escalation_cap: number;
  rubric_id: string; rubric_version: number;
};

// The assignment's status, the judgment, its line comments and the unit's counters in one
// statement: atomic without a transaction. Everything hangs on the assignment still being this
// rater's live lease when the statement runs: a concurrent double submit waits for the first
// one's row lock, then finds the status changed and writes nothing (the caller then reports what
// the first one stored). Same for a lease that expired or a skip that landed since it was read.
// Opposite signs on one pair raise its target by one, up to the project's cap, before it counts
// as settled. The bump is computed in SET from the unit row itself: Postgres re-reads a row it had
// to wait for, whereas a sub-select would keep the older snapshot and miss a concurrent sign.
const BUMP = `(CASE WHEN NOT is_gold AND escalations < $22::int AND positives + ($21::int > 0)::int > 0 AND negatives + ($21::int < 0)::int > 0
                    AND judgment_count + 1 >= target THEN 1 ELSE 0 END)`;

function recordSql(opts: { learns: boolean }): string {
  // an actively sampled pair also joins the learning queue, in the same statement: the learner
  // (lib/ranking/apply-pending-judgments.ts) folds it into the posteriors and priorities shortly
  // after, so this write locks no response and no other unit
  const queued = opts.learns
    ? `, queued AS (
         INSERT INTO learning_queue (judgment_id, item_id) SELECT j.id, $23::text FROM judgment j
       )`
    : "";
  // found by primary key only: the other conditions are written so no index matches them, or a
  // generic plan may scan every live lease through the status index
  const live = "id = $2 AND (user_id = $5 AND status = 'LEASED' AND expires_at >= now()) IS TRUE";
  return `
  WITH submitted AS (
    UPDATE assignments SET status = 'SUBMITTED', completed_at = now(), draft = NULL WHERE ${live}
    RETURNING id
  ), judgment AS (
    INSERT INTO judgments (id, assignment_id, project_id, unit_id, user_id, rubric_id, rubric_version, idempotency_key, preference, canonical_pref,
                           both_bad, aspects, canonical_aspects, ratings, ranking, rationale, confidence, active_seconds, left_slot_response_id)
    SELECT $1::text, s.id, $3::text, $4::text, $5::text, $6::text, $7::int, $8::text, $9::int, $10::int, $11::boolean, $12::jsonb, $13::jsonb,
           $14::jsonb, $15::jsonb, $16::text, $17::int, $18::float8, $19::text
      FROM submitted s
    RETURNING id
  ), comments AS (
    INSERT INTO line_comments (id, judgment_id, slot, response_id, line_start, line_end, aspect, text)
    SELECT c.id, j.id, c.slot, c.response_id, c.line_start, c.line_end, c.aspect, c.text
      FROM judgment j, jsonb_to_recordset($20::jsonb) AS c(id text, slot text, response_id text, line_start int, line_end int, aspect text, text text)
  ), counted AS (
    UPDATE units SET judgment_count = judgment_count + 1, lease_count = GREATEST(0, lease_count - 1),
           sign_sum = sign_sum + $21::int, positives = positives + ($21::int > 0)::int, negatives = negatives + ($21::int < 0)::int,
           escalations = escalations + ${BUMP}, target = target + ${BUMP},
           open = judgment_count + 1 + GREATEST(0, lease_count - 1) < target + ${BUMP}
      FROM submitted WHERE units.id = $4
  )${queued}
  SELECT (SELECT id FROM judgment) AS id`;
}
const RECORD_SQL = recordSql({ learns: false });
const RECORD_LEARNING_SQL = recordSql({ learns: true });

/**
 * The new judgment's id, or null when nothing was written (the assignment was no longer this
 * rater's live lease). `learnsItemId`: the judged pair's item, when the judgment is one active
 * sampling learns from; it is queued for the learner in the same statement.
 */
export async function recordJudgment(
  db: TQueryable,
  opts: { assignment: TReadAssignment; input: TJudgmentInput; canon: ReturnType<typeof canonicalizeJudgment>; learnsItemId?: string | null },
): Promise<string | null> {
  const { assignment: a, input, canon, learnsItemId } = opts;
  const judgmentId = randomUUID();
  const comments = (input.comments ?? []).map((c) => ({
    id: randomUUID(), slot: c.slot, response_id: canon.responseOfSlot(c.slot), line_start: c.lineStart, line_end: c.lineEnd, aspect: c.aspect ?? null, text: c.text,
  }));
  const sign = input.bothBad ? 0 : Math.sign(canon.preference ?? 0);
  const values: unknown[] = [
    judgmentId, a.id, a.project_id, a.unit_id, a.user_id, a.rubric_id, a.rubric_version, input.idempotencyKey,
    input.preference ?? null, canon.preference, input.bothBad ?? false, JSON.stringify(input.aspects ?? {}), JSON.stringify(canon.aspects),
    canon.ratings ? JSON.stringify(canon.ratings) : null, canon.ranking ? JSON.stringify(canon.ranking) : null,
    input.rationale?.trim() || null, input.confidence ?? null, input.activeSeconds ?? null, a.slot_order[0] ?? null,
    JSON.stringify(comments), sign, a.escalation_cap,
  ];
  if (learnsItemId) values.push(learnsItemId);
  const { rows } = await db.query<{ id: string | null }>({
    name: learnsItemId ? "record-judgment-learning" : "record-judgment",
    text: learnsItemId ? RECORD_LEARNING_SQL : RECORD_SQL,
    values,
  });
  return rows[0]?.id ?? null;
}

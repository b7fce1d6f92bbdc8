import "server-only";
import { randomUUID } from "node:crypto";
import type { TQueryable } from "./lease-unit";
import type { canonicalizeJudgment } from "./canonicalize-judgment";
import type { TJudgmentInput } from "./schemas";
import type { TPosteriorPlan } from "./update-active-posteriors";

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
  // an actively sampled pair also moves the two posteriors and rescores the touched pairs, in the
  // same statement: `unchanged` locks the two responses and lets the judgment through only if
  // their posteriors are still the ones the update was computed from (a concurrent judgment on
  // the same item makes the caller re-read and retry). The coverage factor counts the labels on
  // the prompt including this one. The priorities are rows of unit_priorities, the judged unit's
  // among them, found by unit id (the plan maps each touched pair to its unit): a rescoring
  // writes no unit row. Lock order: `lockable` reads `counted`, so the judged unit's row is
  // locked before this statement takes any priority row (those SKIP LOCKED, never waiting).
  // Without that dependency Postgres runs the later CTEs first, and a judgment holding the
  // priority row of its own unit waited for that unit's row while a lease held the row and waited
  // (in the units trigger) for the priority row: a deadlock.
  const guard = opts.learns
    ? `unchanged AS (
         SELECT count(*) = 2 AS ok FROM (
           SELECT r.id FROM responses r
            WHERE r.id IN ($23::text, $26::text)
              AND ((r.id = $23 AND r.mu = $24::float8 AND r.sigma2 = $25::float8) OR (r.id = $26 AND r.mu = $27::float8 AND r.sigma2 = $28::float8))
            ORDER BY r.id FOR UPDATE OF r) locked
       ), labels AS (
         SELECT COALESCE(sum(judgment_count), 0)::float8 + 1 AS n FROM units WHERE item_id = (SELECT item_id FROM units WHERE id = $4)
       ),`
    : "";
  // found by primary key only: the other conditions are written so no index matches them, or a
  // generic plan may scan every live lease through the status index
  const live = `id = $2 AND (user_id = $5 AND status = 'LEASED' AND expires_at >= now()) IS TRUE${opts.learns ? " AND (SELECT ok FROM unchanged)" : ""}`;
  const learning = opts.learns
    ? `, posteriors AS (
         UPDATE responses r SET mu = CASE WHEN r.id = $23 THEN $29::float8 ELSE $31::float8 END,
                                sigma2 = CASE WHEN r.id = $23 THEN $30::float8 ELSE $32::float8 END
           FROM submitted WHERE r.id IN ($23::text, $26::text)
       ), lockable AS (
         SELECT p.unit_id, v.gain FROM unit_priorities p JOIN unnest($33::text[], $34::float8[]) AS v(id, gain) ON p.unit_id = v.id
          WHERE EXISTS (SELECT 1 FROM counted)
            FOR UPDATE OF p SKIP LOCKED
       ), rescored AS (
         UPDATE unit_priorities p SET priority = l.gain / sqrt(1 + (SELECT n FROM labels)) FROM lockable l WHERE p.unit_id = l.unit_id
       )`
    : "";
  return `
  WITH ${guard} submitted AS (
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
    RETURNING units.id
  )${learning}
  SELECT (SELECT id FROM judgment) AS id, ${opts.learns ? "(SELECT ok FROM unchanged)" : "true"} AS unchanged`;
}
const RECORD_SQL = recordSql({ learns: false });
const RECORD_LEARNING_SQL = recordSql({ learns: true });

export type TRecorded = { judgmentId: string | null; posteriorsMoved: boolean };

/**
 * The new judgment's id, or null when nothing was written: the assignment was no longer this
 * rater's live lease, or (with `plan`) the item's posteriors moved since they were read
 * (posteriorsMoved; the caller re-reads and retries).
 */
export async function recordJudgment(
  db: TQueryable,
  opts: { assignment: TReadAssignment; input: TJudgmentInput; canon: ReturnType<typeof canonicalizeJudgment>; plan?: TPosteriorPlan | null },
): Promise<TRecorded> {
  const { assignment: a, input, canon, plan } = opts;
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
  if (plan) {
    // the two responses as scalars (a generic plan then knows it updates two rows, and is chosen)
    const [idA, idB] = plan.ids;
    values.push(
      idA, plan.before.mu[0], plan.before.sigma2[0], idB, plan.before.mu[1], plan.before.sigma2[1],
      plan.after.mu[0], plan.after.sigma2[0], plan.after.mu[1], plan.after.sigma2[1],
      plan.units.ids, plan.units.gain,
    );
  }
  const { rows } = await db.query<{ id: string | null; unchanged: boolean }>({
    name: plan ? "record-judgment-learning" : "record-judgment",
    text: plan ? RECORD_LEARNING_SQL : RECORD_SQL,
    values,
  });
  return { judgmentId: rows[0]?.id ?? null, posteriorsMoved: !rows[0]?.unchanged };
}

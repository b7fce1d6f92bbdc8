import "server-only";
import type { PoolClient } from "pg";
import { inTransaction } from "@/lib/db/in-transaction";
import { foldPendingJudgments } from "./fold-pending-judgments";

/** Queue entries folded per transaction. */
export const LEARNING_BATCH = 500;
// One learner at a time per database, whichever process: the others find the lock taken and leave
// the queue to it (the holder goes round again until the queue is empty).
const LEARNER_LOCK = 7_310_001;

const PEEK_SQL = "SELECT seq, item_id FROM learning_queue ORDER BY seq LIMIT $1";
// The items' responses in the order every writer of posteriors locks them (a refit chunk too:
// lib/ranking/write-rebuild-chunk.ts), so they queue instead of deadlocking.
const LOCK_SQL = "SELECT id, item_id AS \"itemId\", mu, sigma2 FROM responses WHERE item_id = ANY($1::text[]) ORDER BY item_id, position, id FOR UPDATE";
// Taken under those locks: an entry a refit deleted meanwhile (it counted the judgment) is gone.
const TAKE_SQL = `
  DELETE FROM learning_queue q USING judgments j, units u
   WHERE q.seq = ANY($1::bigint[]) AND j.id = q.judgment_id AND u.id = j.unit_id
  RETURNING q.seq, u.item_id AS "itemId", u.response_a_id AS a, u.response_b_id AS b, j.canonical_pref AS pref`;
const UNITS_SQL = `
  SELECT id, item_id AS "itemId", response_a_id AS a, response_b_id AS b, judgment_count AS "judgmentCount"
    FROM units WHERE item_id = ANY($1::text[]) AND response_b_id IS NOT NULL`;
const WRITE_RESPONSES_SQL = "UPDATE responses r SET mu = v.mu, sigma2 = v.sigma2 FROM unnest($1::text[], $2::float8[], $3::float8[]) AS v(id, mu, sigma2) WHERE r.id = v.id";
const WRITE_PRIORITIES_SQL = "UPDATE unit_priorities p SET priority = v.priority FROM unnest($1::text[], $2::float8[]) AS v(id, priority) WHERE p.unit_id = v.id";

export type TLearned = { applied: number; isMore: boolean };

/**
 * Folds up to LEARNING_BATCH queued judgments (lib/assignment/record-judgment.ts queues them) into
 * the posteriors and pair priorities, in queue order, in one transaction. null: another learner
 * holds the lock.
 */
export async function applyPendingJudgments(): Promise<TLearned | null> {
  return inTransaction(async (client) => {
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [LEARNER_LOCK]);
    if (!lock[0].ok) return null;
    // Nothing here needs its commit flushed before going on: if a crash loses this transaction,
    // it loses its queue deletions with it, and the entries are folded in again after restart.
    // Not waiting for the flush keeps the learner out of the WAL flush queue that every
    // annotator's lease and judgment commit waits in (most of their time under load).
    await client.query("SET LOCAL synchronous_commit = off");
    const { rows: queued } = await client.query<{ seq: string; item_id: string }>({ name: "learning-peek", text: PEEK_SQL, values: [LEARNING_BATCH] });
    if (!queued.length) return { applied: 0, isMore: false };
    return { applied: await foldBatch(client, queued), isMore: queued.length === LEARNING_BATCH };
  });
}

async function foldBatch(client: PoolClient, queued: Array<{ seq: string; item_id: string }>): Promise<number> {
  const itemIds = [...new Set(queued.map((q) => q.item_id))];
  const { rows: responses } = await client.query({ name: "learning-lock", text: LOCK_SQL, values: [itemIds] });
  const { rows: taken } = await client.query<{ seq: string; itemId: string; a: string; b: string; pref: number }>({
    name: "learning-take",
    text: TAKE_SQL,
    values: [queued.map((q) => q.seq)],
  });
  if (!taken.length) return 0;
  const { rows: units } = await client.query({ name: "learning-units", text: UNITS_SQL, values: [itemIds] });
  const judgments = taken.sort((x, y) => Number(x.seq) - Number(y.seq));
  const folded = foldPendingJudgments({ responses, units, judgments });
  if (folded.responses.ids.length) {
    await client.query({ name: "learning-write-responses", text: WRITE_RESPONSES_SQL, values: [folded.responses.ids, folded.responses.mu, folded.responses.sigma2] });
  }
  if (folded.units.ids.length) {
    await client.query({ name: "learning-write-priorities", text: WRITE_PRIORITIES_SQL, values: [folded.units.ids, folded.units.priority] });
  }
  return taken.length;
}

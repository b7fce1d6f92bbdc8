-- Judgments that active sampling still has to learn from. A pairwise judgment on an actively
-- sampled project used to move the two posteriors and rescore the touched pairs inside its own
-- write statement: some 30 relations locked, 44 WAL records and 1.3 ms of Postgres per judgment,
-- plus a retry whenever another judgment on the same item moved the posteriors first. Under load
-- the retries fed on themselves and requests took seconds. The judgment statement now only adds
-- its id here, and one learner at a time (lib/ranking/apply-pending-judgments.ts, scheduled after
-- each such judgment) folds the queue into the posteriors in batches, in queue order, a few tens
-- of milliseconds later. A refit that already counted a queued judgment deletes its entry.
CREATE TABLE "learning_queue" (
    "seq" BIGSERIAL NOT NULL,
    "judgment_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "learning_queue_pkey" PRIMARY KEY ("seq")
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);

CREATE UNIQUE INDEX "learning_queue_judgment_id_key" ON "learning_queue" ("judgment_id");

ALTER TABLE "learning_queue" ADD CONSTRAINT "learning_queue_judgment_id_fkey" FOREIGN KEY ("judgment_id") REFERENCES "judgments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

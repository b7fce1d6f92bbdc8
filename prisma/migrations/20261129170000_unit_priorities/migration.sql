-- Active sampling chooses among the top units by priority. The two partial indexes on units that
-- served it made every online rescoring (2K-3 units per judgment) a non-HOT update of a wide row,
-- with a new entry in each of the six indexes on units, and they left one dead entry per rescored
-- unit at the top of the index, where every choice starts its scan. Those dead entries are only
-- removed by a vacuum of units (six indexes, some 400 MB at 600k pairs), so at a few hundred
-- judgments a minute each choice walked hundreds of index pages of them.
--
-- The ordering now lives in a narrow table of its own, kept in step with units by the triggers
-- below (every writer of units is covered, none has to know). units.priority stays the value every
-- reader and writer uses, and no index on units names priority or judgment_count any more, so a
-- rescoring, a judgment or a lease updates the unit row in place (HOT) unless it opens or closes
-- it. The narrow table is cheap to vacuum, and autovacuum is told to do so after a few thousand
-- changes instead of after a fifth of the table.
--
-- is_open: the unit is open and not gold (what the active and overlap choices may draw).
-- is_judged: it has at least one judgment (the overlap reserve draws only these).
-- rand: the unit's own random key breaks ties between equal priorities (every pair has the same
-- priority under a flat prior), so concurrent choices spread over many items instead of queuing
-- on the few that come first in storage order.
CREATE TABLE "unit_priorities" (
    "unit_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "priority" DOUBLE PRECISION NOT NULL,
    "rand" DOUBLE PRECISION NOT NULL,
    "is_open" BOOLEAN NOT NULL,
    "is_judged" BOOLEAN NOT NULL,
    CONSTRAINT "unit_priorities_pkey" PRIMARY KEY ("unit_id")
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_analyze_scale_factor = 0.05);

ALTER TABLE "unit_priorities" ADD CONSTRAINT "unit_priorities_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "unit_priorities" ("unit_id", "project_id", "priority", "rand", "is_open", "is_judged")
SELECT "id", "project_id", "priority", "rand", "open" AND NOT "is_gold", "judgment_count" > 0 FROM "units";

CREATE INDEX "unit_priorities_active_idx" ON "unit_priorities" ("project_id", "priority" DESC, "rand") WHERE "is_open";
CREATE INDEX "unit_priorities_overlap_idx" ON "unit_priorities" ("project_id", "priority" DESC, "rand") WHERE "is_open" AND "is_judged";

DROP INDEX IF EXISTS "units_active_priority_idx";
DROP INDEX IF EXISTS "units_overlap_priority_idx";

-- The migration runner splits scripts at every semicolon, so the function bodies are E-strings
-- with the semicolon written as the octal escape 073.
-- New units: one statement-level insert per import batch (a row trigger would run per pair).
CREATE FUNCTION "units_insert_priorities"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO unit_priorities (unit_id, project_id, priority, rand, is_open, is_judged)
  SELECT id, project_id, priority, rand, open AND NOT is_gold, judgment_count > 0 FROM inserted_units\073
  RETURN NULL\073
END';

CREATE TRIGGER "units_insert_priorities" AFTER INSERT ON "units"
  REFERENCING NEW TABLE AS inserted_units FOR EACH STATEMENT EXECUTE FUNCTION "units_insert_priorities"();

-- Changed units: only when a mirrored value changes (a lease that leaves the unit open does not fire).
CREATE FUNCTION "units_update_priorities"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  UPDATE unit_priorities SET project_id = NEW.project_id, priority = NEW.priority, rand = NEW.rand,
         is_open = NEW.open AND NOT NEW.is_gold, is_judged = NEW.judgment_count > 0
   WHERE unit_id = NEW.id\073
  RETURN NULL\073
END';

CREATE TRIGGER "units_update_priorities" AFTER UPDATE OF "project_id", "priority", "rand", "open", "is_gold", "judgment_count" ON "units"
  FOR EACH ROW
  WHEN (OLD."priority" IS DISTINCT FROM NEW."priority" OR OLD."open" IS DISTINCT FROM NEW."open" OR OLD."is_gold" IS DISTINCT FROM NEW."is_gold"
        OR (OLD."judgment_count" > 0) IS DISTINCT FROM (NEW."judgment_count" > 0)
        OR OLD."project_id" IS DISTINCT FROM NEW."project_id" OR OLD."rand" IS DISTINCT FROM NEW."rand")
  EXECUTE FUNCTION "units_update_priorities"();

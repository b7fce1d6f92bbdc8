-- A pair's priority lives only in unit_priorities. Until now units.priority was the value every
-- writer set and a trigger copied it to the narrow table, so a judgment's online rescoring
-- (2K − 3 pairs) updated that many wide unit rows, locked each one and ran the trigger once per
-- row: a third of the judgment statement's buffer reads and half of its WAL records on the
-- active-sampling benchmark. Writers now update unit_priorities directly (by unit id), and the
-- triggers mirror only what units still own: project, random key, open and whether judged.
--
-- Lock order. A rescoring locks priority rows SKIP LOCKED (it never waits for one) without
-- holding their unit rows, so a writer that holds a unit row must never be waited for by a
-- statement that already holds priority rows. The judgment statement therefore updates the judged
-- unit's row before it takes any priority row (lib/assignment/record-judgment.ts makes its
-- rescoring read the unit update; Postgres would otherwise run the later CTEs first), and this
-- trigger, AFTER the statement's own rescoring, only writes rows its statement already holds or
-- rows whose holders never wait. Without that order two requests on one item (a judgment and a
-- lease of the same unit) each held what the other needed: deadlocks at 150 judgments/s.

-- New units start at priority 1, above any computed gain, until the project's priors refresh
-- (an import into an active project asks for one) rescores them.
ALTER TABLE "unit_priorities" ALTER COLUMN "priority" SET DEFAULT 1;

CREATE OR REPLACE FUNCTION "units_insert_priorities"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO unit_priorities (unit_id, project_id, rand, is_open, is_judged)
  SELECT id, project_id, rand, open AND NOT is_gold, judgment_count > 0 FROM inserted_units\073
  RETURN NULL\073
END';

DROP TRIGGER "units_update_priorities" ON "units";

CREATE OR REPLACE FUNCTION "units_update_priorities"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  UPDATE unit_priorities SET project_id = NEW.project_id, rand = NEW.rand,
         is_open = NEW.open AND NOT NEW.is_gold, is_judged = NEW.judgment_count > 0
   WHERE unit_id = NEW.id\073
  RETURN NULL\073
END';

CREATE TRIGGER "units_update_priorities" AFTER UPDATE OF "project_id", "rand", "open", "is_gold", "judgment_count" ON "units"
  FOR EACH ROW
  WHEN (OLD."open" IS DISTINCT FROM NEW."open" OR OLD."is_gold" IS DISTINCT FROM NEW."is_gold"
        OR (OLD."judgment_count" > 0) IS DISTINCT FROM (NEW."judgment_count" > 0)
        OR OLD."project_id" IS DISTINCT FROM NEW."project_id" OR OLD."rand" IS DISTINCT FROM NEW."rand")
  EXECUTE FUNCTION "units_update_priorities"();

ALTER TABLE "units" DROP COLUMN "priority";

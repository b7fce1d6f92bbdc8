-- A pair's priority lives only in unit_priorities. Until now units.priority was the value every
-- writer set and a trigger copied it to the narrow table, so a judgment's online rescoring
-- (2K − 3 pairs) updated that many wide unit rows, locked each one and ran the trigger once per
-- row: a third of the judgment statement's buffer reads and half of its WAL records on the
-- active-sampling benchmark. Writers now update unit_priorities directly (by unit id), and the
-- triggers mirror only what units still own: project, random key, open and whether judged.
--
-- Every writer of a priority row either holds its unit row first (the units triggers, inside the
-- statement that changes the unit) or takes priority rows SKIP LOCKED and then waits for nothing
-- (a refit chunk), or holds only response rows, which no holder of a unit row waits for (the
-- learner, prisma/migrations/20261129200000_learning_queue). No cycle of waits can form.
-- (The migration runner splits scripts at every semicolon, comments included: none above.)

-- The shared candidate list keeps the best pair of each item (lib/assignment/choose-active-unit.ts):
-- the item is copied here so that read needs no unit row.
ALTER TABLE "unit_priorities" ADD COLUMN "item_id" TEXT;
UPDATE "unit_priorities" p SET "item_id" = u."item_id" FROM "units" u WHERE u."id" = p."unit_id";
ALTER TABLE "unit_priorities" ALTER COLUMN "item_id" SET NOT NULL;

-- New units start at priority 1, above any computed gain, until the project's priors refresh
-- (an import into an active project asks for one) rescores them.
ALTER TABLE "unit_priorities" ALTER COLUMN "priority" SET DEFAULT 1;

CREATE OR REPLACE FUNCTION "units_insert_priorities"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO unit_priorities (unit_id, project_id, item_id, rand, is_open, is_judged)
  SELECT id, project_id, item_id, rand, open AND NOT is_gold, judgment_count > 0 FROM inserted_units\073
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

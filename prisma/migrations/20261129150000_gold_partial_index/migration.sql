-- Gold units are a few per project, and every query that looks for them says is_gold. As a partial
-- index it holds only them, so the updates of ordinary units (a lease, a judgment, an online
-- priority rescoring) no longer add an entry to it.
DROP INDEX IF EXISTS "units_project_id_is_gold_open_idx";
CREATE INDEX IF NOT EXISTS "units_gold_idx" ON "units" ("project_id", "open") WHERE "is_gold";

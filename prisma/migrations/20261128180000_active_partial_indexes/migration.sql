-- Partial indexes for active sampling. Prisma schema files cannot express WHERE clauses, so they live only here.
-- Choosing reads the top rows by priority among open, non-gold units, the overlap reserve among
-- those already judged, and without the predicate the scan filtered ~570k settled rows at 600k pairs.
CREATE INDEX IF NOT EXISTS "units_active_priority_idx" ON "units" ("project_id", "priority" DESC) WHERE "open" AND NOT "is_gold";
CREATE INDEX IF NOT EXISTS "units_overlap_priority_idx" ON "units" ("project_id", "priority" DESC) WHERE "open" AND NOT "is_gold" AND "judgment_count" > 0;

-- The annotation loop's writes (bench/assignment-load.ts, bench/active-latency.ts).
-- Rate-limit counters are written on every API request. Unlogged, they skip the write-ahead log,
-- so a request's commit waits for no disk flush. A crash empties the table, which only resets the
-- current windows. Prisma's schema cannot say UNLOGGED, so it lives only here.
ALTER TABLE "rate_limits" SET UNLOGGED;

-- Every lease and judgment updates its unit row, and each index on units costs an entry per
-- updated row. These two served no query of their own: choosing by priority reads the partial
-- units_active_priority_idx, and counting a project's complete units reads it by project_id.
DROP INDEX IF EXISTS "units_project_id_open_priority_idx";
DROP INDEX IF EXISTS "units_project_id_judgment_count_idx";

-- Free room on each page lets the lease counter's update stay on the page without new index
-- entries (a HOT update) when no indexed value changes. Applies to pages written from now on.
ALTER TABLE "units" SET (fillfactor = 85);

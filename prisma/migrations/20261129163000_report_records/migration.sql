-- The agreement report reads every judgment of a project (bench/agreement-report.ts, issue #5).
-- Computing its per-judgment facts at read time (a hash of the unit id, the preference, time and
-- day codes, the aspects looked up key by key in the JSON) cost more than the scan. Stored
-- generated columns compute them once, when the row is written, whoever writes it (the API, an
-- import, a test), so they cannot disagree with the row. Prisma knows them as dbgenerated.
--
-- report_record: 16 bytes, big-endian, as lib/quality/packed-judgment-layout.ts describes
--   (PACKED): hashtextextended(unit_id, 0), then one word with active milliseconds (bits 0-26),
--   UTC day modulo 2^16 (27-42), canonical preference + 3 (43-46), both-bad (47), displayed
--   winner (48-49) and whether the aspects come from the ratings (50).
-- report_aspects: the aspect values the report reads, as JSON text: a rating judgment's ratings
--   of its response in slot A, otherwise the canonical aspects. A project has few distinct ones.
ALTER TABLE "judgments"
  ADD COLUMN "report_record" BYTEA GENERATED ALWAYS AS (
    int8send(hashtextextended("unit_id", 0)) || int8send(
      CASE WHEN "active_seconds" BETWEEN 0 AND 134217.725 THEN round("active_seconds" * 1000)::int8
           WHEN "active_seconds" IS NULL THEN 134217727 ELSE 134217726 END
      | ((("created_at"::date - date '1970-01-01') & 65535)::int8 << 27)
      | ((CASE WHEN "canonical_pref" IS NULL THEN 7 WHEN "canonical_pref" BETWEEN -3 AND 3 THEN "canonical_pref" + 3 ELSE 8 END)::int8 << 43)
      | ("both_bad"::int::int8 << 47)
      | ((CASE WHEN "both_bad" OR "preference" IS NULL THEN 0 WHEN "preference" < 0 THEN 1 WHEN "preference" = 0 THEN 2 ELSE 3 END)::int8 << 48)
      | (("ratings" IS NOT NULL)::int::int8 << 50))
  ) STORED,
  ADD COLUMN "report_aspects" TEXT GENERATED ALWAYS AS (
    (CASE WHEN "ratings" IS NULL THEN "canonical_aspects" ELSE "ratings" -> "left_slot_response_id" END)::text
  ) STORED;

-- The report reads these columns only, in rater order: an index-only scan of this narrow index
-- instead of the table, grouped as it comes (no hash of a million rows). The filters' columns
-- ride along. INCLUDE is beyond Prisma's schema language, so the index lives only here.
CREATE INDEX "judgments_report_idx" ON "judgments" ("project_id", "user_id", "report_aspects")
  INCLUDE ("report_record", "created_at", "rubric_version");

-- Which response of a pair is longer: the stored size, read from a narrow index instead of
-- scanning the responses with their code.
ALTER TABLE "responses" ADD COLUMN "content_bytes" INTEGER GENERATED ALWAYS AS (octet_length("content")) STORED;
CREATE INDEX "responses_report_idx" ON "responses" ("project_id") INCLUDE ("id", "content_bytes");

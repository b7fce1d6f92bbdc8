import { describe, expect, it } from "vitest";
import { buildAgreementReport, mulberry32, type TAgreementJudgment, type TAspectScale } from "@/lib/agreement";
import { getPool } from "@/lib/db/client";
import { binActiveSeconds, binActiveSecondsInColumns } from "@/lib/quality/bin-active-seconds";
import { collectPairVotes, collectPairVotesFromColumns, nameVoteUnits, votesOf } from "@/lib/quality/collect-pair-votes";
import { countGoldJudgments, countGoldJudgmentsInColumns } from "@/lib/quality/count-gold-judgments";
import { getAgreementReport } from "@/lib/quality/get-agreement-report";
import { qualityCache } from "@/lib/quality/get-quality-snapshot";
import { loadAgreementJudgments } from "@/lib/quality/load-agreement-judgments";
import { loadJudgmentColumns } from "@/lib/quality/load-judgment-columns";
import { buildAgreementReportFromColumns } from "@/lib/agreement";
import type { TQualityFilter } from "@/lib/quality/schemas";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { createTestProject, LIKERT_AND_BINARY_RUBRIC, type TTestProject } from "./helpers/create-test-project";
import { createTestUser, createTestUsers } from "./helpers/create-test-user";

// The packed-columns loader against the reference: judgment objects (the loader the report used
// before) through buildAgreementReport. Random judgments are written straight into the tables,
// the way the API writes them, on a pairwise project with five aspects (two packed words).
const ASPECTS = ["correctness", "readability", "efficiency", "security", "style"];
const SCALES: Record<string, TAspectScale> = Object.fromEntries(ASPECTS.map((key) => [key, "pairwise7"]));
const NO_FILTER: TQualityFilter = { from: null, before: null, rubricVersion: null };
const DAY_MS = 86_400_000;

async function seedRandomJudgments(project: TTestProject, raterIds: string[], seed: number): Promise<void> {
  const random = mulberry32(seed);
  const { rows: units } = await getPool().query<{ id: string; a: string; b: string; is_gold: boolean }>(
    "SELECT id, response_a_id AS a, response_b_id AS b, is_gold FROM units WHERE project_id = $1 ORDER BY id",
    [project.id],
  );
  const { rows: rubric } = await getPool().query<{ id: string }>("SELECT id FROM rubrics WHERE project_id = $1", [project.id]);
  const rows: unknown[][] = [];
  units.forEach((unit, u) => {
    for (const rater of raterIds) {
      if (random() < 0.45) continue;
      const isBothBad = random() < 0.08;
      const isFlipped = random() < 0.5;
      const canonical = random() < 0.05 ? null : Math.floor(random() * 7) - 3;
      const aspects = Object.fromEntries(ASPECTS.flatMap((key) => (random() < 0.2 ? [] : [[key, random() < 0.1 ? null : Math.floor(random() * 7) - 3]])));
      const seconds = random() < 0.1 ? null : Math.round(random() * 400_000) / 1000;
      const createdAt = new Date(Date.UTC(2025, 2, 1) + Math.floor(random() * 12) * DAY_MS + Math.floor(random() * DAY_MS));
      const id = `${project.id}-${u}-${rater}`;
      rows.push([id, unit.id, rater, unit.is_gold, isFlipped ? [unit.b, unit.a] : [unit.a, unit.b], isFlipped ? unit.b : unit.a,
        isBothBad || canonical === null ? null : isFlipped ? -canonical : canonical, isBothBad ? null : canonical, isBothBad, aspects, seconds, createdAt]);
    }
  });
  const column = (i: number) => rows.map((r) => (r[i] !== null && typeof r[i] === "object" && !(r[i] instanceof Date) ? JSON.stringify(r[i]) : r[i]));
  await getPool().query(
    `WITH input AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::int[], $9::int[], $10::boolean[], $11::text[], $12::float8[], $13::timestamp[])
         AS t(id, unit_id, user_id, is_gold, slot_order, left_id, preference, canonical, both_bad, aspects, seconds, created_at)
     ), a AS (
       INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, expires_at, completed_at, is_gold)
       SELECT id, $1, unit_id, user_id, 'SUBMITTED', slot_order::jsonb, created_at, created_at, is_gold FROM input
     )
     INSERT INTO judgments (id, assignment_id, project_id, unit_id, user_id, rubric_id, rubric_version, idempotency_key, preference,
                            canonical_pref, both_bad, aspects, canonical_aspects, active_seconds, left_slot_response_id, created_at)
     SELECT 'j' || id, id, $1, unit_id, user_id, $14, 1, 'k' || id, preference, canonical, both_bad, aspects::jsonb, aspects::jsonb, seconds, left_id, created_at
       FROM input`,
    [project.id, ...Array.from({ length: 12 }, (_, i) => column(i)), rubric[0].id],
  );
}

function expectClose(actual: unknown, expected: unknown): void {
  if (typeof expected === "number") expect(actual as number).toBeCloseTo(expected, 12);
  else if (expected !== null && typeof expected === "object") for (const key of Object.keys(expected)) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]);
  else expect(actual).toBe(expected);
}

/** The reference: judgment objects in the columns' canonical order (unit key, rater id, winner). */
async function referenceJudgments(projectId: string, filter: TQualityFilter): Promise<TAgreementJudgment[]> {
  const judgments = await loadAgreementJudgments({ projectId, mode: "pairwise", aspectScales: SCALES, filter });
  const { rows } = await getPool().query<{ id: string; key: string }>("SELECT id, hashtextextended(id, 0)::text AS key FROM units WHERE project_id = $1", [projectId]);
  const keyOf = new Map(rows.map((r) => [r.id, BigInt.asUintN(64, BigInt(r.key))]));
  const winner = (j: TAgreementJudgment) => (j.bothBad || j.value === null ? -2 : Math.sign(j.value));
  return judgments.sort((a, b) => {
    const [ka, kb] = [keyOf.get(a.unitId)!, keyOf.get(b.unitId)!];
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (a.rater !== b.rater) return a.rater < b.rater ? -1 : 1;
    return winner(a) - winner(b);
  });
}

describe("loadJudgmentColumns", () => {
  let project: TTestProject;
  let raterIds: string[];

  it("gives the reference's report, gold counts, time histogram and votes, bit for bit", async () => {
    const raters = await createTestUsers(9);
    raterIds = raters.map((r) => r.id);
    project = await createTestProject({
      members: raters,
      rubric: { aspects: ASPECTS.map((key) => ({ key, label: key, description: "", scale: "pairwise7" as const, required: false })), rationale: "optional" },
    });
    await createTestItems(project, buildItems({ count: 60, responses: 3, gold: { every: 4, preference: -2 } }));
    await getPool().query("UPDATE responses SET content = repeat('x', length(id) + position * 7) WHERE project_id = $1", [project.id]);
    await seedRandomJudgments(project, raterIds, 7);

    const loaded = await loadJudgmentColumns({ projectId: project.id, mode: "pairwise", aspectScales: SCALES, filter: NO_FILTER });
    expect(loaded).not.toBeNull();
    const { columns, unitKeys } = loaded!;
    const reference = await referenceJudgments(project.id, NO_FILTER);
    expect(columns.count).toBe(reference.length);
    expect(columns.count).toBeGreaterThan(500);
    const skipsByRater = { [raterIds[0]]: 3 };
    const bootstrap = { iterations: 200, seed: 5 };
    const report = buildAgreementReportFromColumns({ columns, aspectScales: SCALES, skipsByRater, bootstrap });
    expect(report).toEqual(buildAgreementReport({ judgments: reference, aspectScales: SCALES, skipsByRater, bootstrap }));
    // every per-rater figure is exercised: gold, length, position, time, days, reliability
    for (const rater of report.raters) {
      for (const figure of ["goldAccuracy", "lengthBias", "leftRate", "medianSeconds", "perDay", "reliability", "agreementWithOthers"] as const) expect(rater[figure]).not.toBeNull();
    }
    expect(countGoldJudgmentsInColumns(columns)).toEqual(countGoldJudgments(reference));
    expect(Object.keys(countGoldJudgmentsInColumns(columns)).length).toBeGreaterThan(0);
    expect(binActiveSecondsInColumns(columns)).toEqual(binActiveSeconds(reference));

    const votes = collectPairVotesFromColumns({ columns, aspectScales: SCALES, unitKeys });
    const { rows } = await getPool().query<{ id: string; hi: number; lo: number }>(
      "SELECT id, (hashtextextended(id, 0) >> 32)::int4 AS hi, (hashtextextended(id, 0) & 4294967295)::float8 AS lo FROM units WHERE project_id = $1",
      [project.id],
    );
    nameVoteUnits(votes, { units: rows.map((r) => r.id), keyHi: Int32Array.from(rows, (r) => r.hi), keyLo: Int32Array.from(rows, (r) => r.lo | 0) });
    const expected = collectPairVotes({ judgments: reference, aspectKeys: ASPECTS });
    expect(votes.indexOf.size).toBe(expected.indexOf.size);
    for (const [unit, u] of expected.indexOf) {
      expect(votes.units[votes.indexOf.get(unit)!]).toBe(unit);
      expect(votesOf(votes, votes.indexOf.get(unit)!)).toEqual(votesOf(expected, u));
      expect(votes.sum[votes.indexOf.get(unit)!]).toBe(expected.sum[u]);
    }
  });

  it("agrees with the reference under date and rubric-version filters", async () => {
    const filter: TQualityFilter = { from: new Date(Date.UTC(2025, 2, 3)), before: new Date(Date.UTC(2025, 2, 9, 6)), rubricVersion: 1 };
    const loaded = await loadJudgmentColumns({ projectId: project.id, mode: "pairwise", aspectScales: SCALES, filter });
    const reference = await referenceJudgments(project.id, filter);
    expect(loaded!.columns.count).toBe(reference.length);
    expect(buildAgreementReportFromColumns({ columns: loaded!.columns, aspectScales: SCALES })).toEqual(buildAgreementReport({ judgments: reference, aspectScales: SCALES }));
  });

  it("declines values the API does not write, and the report then comes from judgment objects", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    qualityCache.clear();
    const before = await getAgreementReport({ caller: admin, projectId: project.id, query: {} });
    // a fractional aspect value: the reference reads it as off the scale (missing)
    await getPool().query(
      `UPDATE judgments SET canonical_aspects = canonical_aspects || '{"style": 1.5}'::jsonb
        WHERE id = (SELECT id FROM judgments WHERE project_id = $1 ORDER BY id LIMIT 1)`,
      [project.id],
    );
    expect(await loadJudgmentColumns({ projectId: project.id, mode: "pairwise", aspectScales: SCALES, filter: NO_FILTER })).toBeNull();
    qualityCache.clear();
    const after = await getAgreementReport({ caller: admin, projectId: project.id, query: {} });
    const reference = buildAgreementReport({ judgments: await loadAgreementJudgments({ projectId: project.id, mode: "pairwise", aspectScales: SCALES, filter: NO_FILTER }), aspectScales: SCALES });
    expect(after.judgments).toBe(before.judgments);
    // judgments in another order: the same statistics up to the order of floating-point sums
    expectClose(after.aspects.correctness, before.aspects.correctness);
    expect(after.aspects.style).toEqual(reference.aspects.style);
    expect(after.aspects.style.krippendorffAlpha.nominal).not.toBe(before.aspects.style.krippendorffAlpha.nominal);
    expect(after.overall).toEqual(reference.overall);
  });

  it("reads a rating project's ratings (likert 1..5, binary 0/1) as the reference does", async () => {
    const raters = await createTestUsers(4);
    const scales: Record<string, TAspectScale> = { correctness: "likert5", compiles: "binary" };
    const rating = await createTestProject({
      mode: "rating",
      members: raters,
      rubric: LIKERT_AND_BINARY_RUBRIC,
    });
    await createTestItems(rating, buildItems({ count: 40, responses: 2 }));
    const random = mulberry32(17);
    const { rows: units } = await getPool().query<{ id: string; response: string }>("SELECT id, response_a_id AS response FROM units WHERE project_id = $1 ORDER BY id", [rating.id]);
    const { rows: rubric } = await getPool().query<{ id: string }>("SELECT id FROM rubrics WHERE project_id = $1", [rating.id]);
    const rows = units.flatMap((unit, u) =>
      raters.filter(() => random() < 0.7).map((rater) => {
        const values: Record<string, number> = {};
        if (random() < 0.9) values.correctness = 1 + Math.floor(random() * 5);
        if (random() < 0.6) values.compiles = Math.floor(random() * 2);
        return { id: `${rating.id}-${u}-${rater.id}`, unit: unit.id, rater: rater.id, ratings: JSON.stringify({ [unit.response]: values }), left: unit.response };
      }),
    );
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    await getPool().query(
      `WITH input AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, unit_id, user_id, ratings, left_id)),
            a AS (INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, expires_at, completed_at)
                  SELECT id, $1, unit_id, user_id, 'SUBMITTED', jsonb_build_array(left_id), now(), now() FROM input)
       INSERT INTO judgments (id, assignment_id, project_id, unit_id, user_id, rubric_id, rubric_version, idempotency_key, both_bad, ratings, active_seconds, left_slot_response_id)
       SELECT 'j' || id, id, $1, unit_id, user_id, $7, 1, 'k' || id, false, ratings::jsonb, 12.5, left_id FROM input`,
      [rating.id, column("id"), column("unit"), column("rater"), column("ratings"), column("left"), rubric[0].id],
    );
    const loaded = await loadJudgmentColumns({ projectId: rating.id, mode: "rating", aspectScales: scales, filter: NO_FILTER });
    expect(loaded).not.toBeNull();
    const judgments = await loadAgreementJudgments({ projectId: rating.id, mode: "rating", aspectScales: scales, filter: NO_FILTER });
    const { rows: keys } = await getPool().query<{ id: string; key: string }>("SELECT id, hashtextextended(id, 0)::text AS key FROM units WHERE project_id = $1", [rating.id]);
    const keyOf = new Map(keys.map((r) => [r.id, BigInt.asUintN(64, BigInt(r.key))]));
    judgments.sort((a, b) => (keyOf.get(a.unitId)! !== keyOf.get(b.unitId)! ? (keyOf.get(a.unitId)! < keyOf.get(b.unitId)! ? -1 : 1) : a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : 0));
    const report = buildAgreementReportFromColumns({ columns: loaded!.columns, aspectScales: scales });
    expect(report.aspects.correctness.percentAgreement).not.toBeNull();
    expect(report).toEqual(buildAgreementReport({ judgments, aspectScales: scales }));
  });
});


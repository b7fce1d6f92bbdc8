import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAgreementRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { GET as getCsvRoute } from "@/app/api/v1/projects/[id]/quality/csv/route";
import { GET as getModelsRoute } from "@/app/api/v1/projects/[id]/quality/models/route";
import { POST as postPauseRoute } from "@/app/api/v1/projects/[id]/quality/pause/route";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import type { TJudgmentInput } from "@/lib/assignment/schemas";
import { skipAssignment } from "@/lib/assignment/skip-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { importScores } from "@/lib/items/import-scores";
import type { TItemInput } from "@/lib/items/schemas";
import { setItemGold } from "@/lib/items/set-item-gold";
import { getAgreementReport } from "@/lib/quality/get-agreement-report";
import { qualityCache } from "@/lib/quality/get-quality-snapshot";
import { pauseRater } from "@/lib/quality/pause-rater";
import type { TQualityQuery } from "@/lib/quality/schemas";
import type { TAgreementReportView, TModelsVersusHumans } from "@/lib/quality/types";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createTestItems } from "./helpers/create-test-items";
import { createTestProject, type TTestProject } from "./helpers/create-test-project";
import { createTestUser, createTestUsers } from "./helpers/create-test-user";
import { expectAppError } from "./helpers/expect-app-error";
import { ndjson } from "./train-fixtures";

// Six pairs, all "r1 (short) vs r2 (long)", so the longer answer is always the second-listed one.
// g1–g3 are gold: the first-listed response is better (g3's gold names the pair the other way
// round, +2 on [r2, r1], which must flip to the same expectation in the unit's orientation).
const SHORT = "def f():\n    return 1\n";
const LONG = "def f():\n    # the long answer\n    value = 1\n    return value\n";
const pairItem = (id: string, gold?: TItemInput["gold"]): TItemInput => ({
  id,
  prompt: `Write ${id}`,
  language: "python",
  responses: [
    { id: "r1", model: "model-short", content: SHORT },
    { id: "r2", model: "model-long", content: LONG },
  ],
  ...(gold ? { gold } : {}),
});
const ITEMS = [
  pairItem("g1", { preference: -2, responses: ["r1", "r2"] }),
  pairItem("g2", { preference: -1, responses: ["r1", "r2"] }),
  pairItem("g3", { preference: 2, responses: ["r2", "r1"] }),
  pairItem("o1"),
  pairItem("o2"),
  pairItem("o3"),
];

// What each rater means, in the pair's own orientation (negative = r1 better). null = both bad.
// readability is optional and mostly left out (the missing ratings).
type TPlanned = { value: number | null; readability?: number; seconds: number };
const PLAN: Record<"A" | "B" | "C", Record<string, TPlanned>> = {
  A: { g1: { value: -2, seconds: 10 }, g2: { value: -3, seconds: 20 }, g3: { value: -1, seconds: 30 }, o1: { value: -2, readability: -1, seconds: 40 }, o2: { value: 1, readability: 1, seconds: 50 }, o3: { value: 0, seconds: 60 } },
  B: { g1: { value: -2, seconds: 5 }, g2: { value: -2, seconds: 5 }, g3: { value: -2, seconds: 5 }, o1: { value: -1, readability: -1, seconds: 100 }, o2: { value: 2, readability: -1, seconds: 100 }, o3: { value: null, seconds: 100 } },
  C: { g1: { value: 2, seconds: 1 }, g2: { value: 1, seconds: 2 }, g3: { value: 0, seconds: 3 }, o1: { value: -3, seconds: 4 }, o2: { value: -1, seconds: 5 }, o3: { value: 0, seconds: 6 } },
};
// Slot orders are random in production; here they are set per assignment so the display
// orientation is known: A always sees r2 on the left, B always r1, C sees r2 left on gold only.
const FLIPPED: Record<"A" | "B" | "C", (item: string) => boolean> = { A: () => true, B: () => false, C: (item) => item.startsWith("g") };

let project: TTestProject;
let raters: Record<"A" | "B" | "C" | "D", TCaller>;
let admin: TCaller;
let unitByItem: Map<string, { id: string; a: string; b: string }>;
let itemByUnit: Map<string, string>;

async function loadUnits(projectId: string) {
  const { rows } = await getPool().query<{ id: string; item: string; a: string; b: string }>(
    `SELECT u.id, i.external_id AS item, u.response_a_id AS a, u.response_b_id AS b FROM units u JOIN items i ON i.id = u.item_id WHERE u.project_id = $1`,
    [projectId],
  );
  unitByItem = new Map(rows.map((r) => [r.item, r]));
  itemByUnit = new Map(rows.map((r) => [r.id, r.item]));
}

/** One assignment through getNextAssignment → submitJudgment, shown in the given slot order. */
async function judgeNext(caller: TCaller, decide: (item: string) => { planned: TPlanned; isFlipped: boolean }): Promise<string | null> {
  const view = await getNextAssignment({ caller, projectId: project.id });
  if (!view) return null;
  const { rows } = await getPool().query<{ unit_id: string }>("SELECT unit_id FROM assignments WHERE id = $1", [view.id]);
  const item = itemByUnit.get(rows[0].unit_id)!;
  const unit = unitByItem.get(item)!;
  const { planned, isFlipped } = decide(item);
  await getPool().query("UPDATE assignments SET slot_order = $2::jsonb WHERE id = $1", [view.id, JSON.stringify(isFlipped ? [unit.b, unit.a] : [unit.a, unit.b])]);
  const shown = (v: number) => (isFlipped ? -v || 0 : v);
  const input: TJudgmentInput =
    planned.value === null
      ? { idempotencyKey: randomUUID(), bothBad: true, activeSeconds: planned.seconds }
      : {
          idempotencyKey: randomUUID(),
          preference: shown(planned.value),
          aspects: { correctness: shown(planned.value), ...(planned.readability === undefined ? {} : { readability: shown(planned.readability) }) },
          activeSeconds: planned.seconds,
        };
  await submitJudgment({ caller, assignmentId: view.id, input });
  return item;
}

const callRoute = async (handler: typeof getAgreementRoute, path: string, secret: string, init: RequestInit = {}) =>
  handler(new Request(`http://localhost${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" } }), {
    params: Promise.resolve({ id: project.id }),
  });

beforeAll(async () => {
  const [a, b, c, d] = await createTestUsers(4);
  raters = { A: a, B: b, C: c, D: d };
  admin = await createTestUser({ role: "ADMIN" });
  project = await createTestProject({
    overlap: 3,
    goldRate: 1,
    members: [a, b, c, d],
    rubric: {
      aspects: [
        { key: "correctness", label: "Correctness", description: "", scale: "pairwise7", required: true },
        { key: "readability", label: "Readability", description: "", scale: "pairwise7", required: false },
      ],
      rationale: "optional",
    },
  });
  await createTestItems(project, ITEMS);
  await loadUnits(project.id);
  // the reward model prefers r1 on the gold pairs, r2 on o1 (by far the largest gap) and o2, and ties on o3
  const score = (item: string, response: string, value: number) => ({ item, response, scores: { reward_model: value } });
  await importScores({
    projectId: project.id,
    actorId: project.owner.id,
    body: ndjson([
      ...["g1", "g2", "g3"].flatMap((id) => [score(id, "r1", 1), score(id, "r2", 0)]),
      score("o1", "r1", 0), score("o1", "r2", 6),
      score("o2", "r1", 0), score("o2", "r2", 5),
      score("o3", "r1", 1), score("o3", "r2", 1),
    ]),
  });
  for (const name of ["A", "B", "C"] as const) {
    const judged: string[] = [];
    for (let item; (item = await judgeNext(raters[name], (it) => ({ planned: PLAN[name][it], isFlipped: FLIPPED[name](it) }))); ) judged.push(item);
    expect(judged.sort()).toEqual(["g1", "g2", "g3", "o1", "o2", "o3"]);
  }
  // D only skips (a gold pair first, at gold rate 1)
  const skipped = await getNextAssignment({ caller: raters.D, projectId: project.id });
  await skipAssignment({ caller: raters.D, assignmentId: skipped!.id, reason: "not my language" });
});

describe("agreement report from judgments entered through the assignment path", () => {
  let report: TAgreementReportView;
  beforeAll(async () => {
    report = await getAgreementReport({ caller: project.owner, projectId: project.id, query: {} });
  });

  it("counts judgments and units, and the slot orders really were mixed", async () => {
    expect(report.judgments).toBe(18);
    expect(report.units).toBe(6);
    const { rows } = await getPool().query<{ flipped: boolean; n: number }>(
      `SELECT (j.left_slot_response_id <> u.response_a_id) AS flipped, count(*)::int AS n
         FROM judgments j JOIN units u ON u.id = j.unit_id WHERE j.project_id = $1 GROUP BY 1 ORDER BY 1`,
      [project.id],
    );
    expect(rows).toEqual([{ flipped: false, n: 9 }, { flipped: true, n: 9 }]);
  });

  it("measures the winner (p_a, Fleiss' κ, AC1) in the pair's orientation, both-bad left out", () => {
    // winner per unit (F first, T tie, S second), B's both-bad o3 left out:
    //   g1 F F S   g2 F F S   g3 F F T   o1 F F F   o2 S S F   o3 T T (m = 2)
    // P_i: g1 g2 g3 o2 = 2·1/(3·2) = 1/3, o1 = 1, o3 = 1 → p_a = (4/3 + 2)/6 = 5/9
    expect(report.overall.percentAgreement).toBeCloseTo(5 / 9, 10);
    // π_k = mean of n_ik/m_i: F (2/3·3 + 1 + 1/3)/6 = 5/9, T (1/3 + 1)/6 = 2/9, S (1/3·2 + 2/3)/6 = 2/9
    // Fleiss: P_e = Σπ² = 33/81 = 11/27 → κ = (15/27 − 11/27)/(16/27) = 1/4
    expect(report.overall.fleissKappa).toBeCloseTo(0.25, 10);
    // AC1: p_e = ½ Σ π(1 − π) = ½ (20 + 14 + 14)/81 = 8/27 → (15/27 − 8/27)/(19/27) = 7/19
    expect(report.overall.gwetAC1).toBeCloseTo(7 / 19, 10);
  });

  it("computes Krippendorff's α on the 7-point value", () => {
    // values: g1 −2 −2 2 | g2 −3 −2 1 | g3 −1 −2 0 | o1 −2 −1 −3 | o2 1 2 −1 | o3 0 0; n = 17
    // interval: Σ_u Σ_(ordered pairs) (c−k)²/(m_u − 1) = 32 + 26 + 6 + 6 + 14 + 0 = 84, D_o = 84/17;
    //   Σ x = −13, Σ x² = 51 → Σ_(i≠j) (x_i − x_j)² = 2·17·(51 − 169/17) = 1396, D_e = 1396/(17·16)
    //   α = 1 − 84·16/1396 = 52/1396 = 13/349
    expect(report.overall.krippendorffAlpha.interval).toBeCloseTo(13 / 349, 10);
    // nominal: differing ordered pairs/(m_u − 1) = 2 + 3 + 3 + 3 + 3 + 0 = 14, D_o = 14/17;
    //   n_c (−3..2) = 2 5 3 3 2 2 → Σ_(c≠k) n_c n_k = 289 − 55 = 234 → α = 1 − 14·16/234 = 5/117
    expect(report.overall.krippendorffAlpha.nominal).toBeCloseTo(5 / 117, 10);
    expect(report.overall.ci95).toBeUndefined();
  });

  it("canonicalises aspects with the preference and treats missing ratings as missing", () => {
    // correctness was given with every non-both-bad preference: the same data as overall
    expect(report.aspects.correctness.krippendorffAlpha.interval).toBeCloseTo(13 / 349, 10);
    expect(report.aspects.correctness.percentAgreement).toBeCloseTo(5 / 9, 10);
    // readability only from A and B on o1 (−1, −1) and o2 (1, −1): winners agree on o1 only → p_a = 1/2;
    // values −1 −1 | 1 −1: D_o = 2/4, n_c = 3, 1 → D_e = 6/12 → α nominal = 0; interval D_o = 8/4 = D_e = 24/12 → 0
    expect(report.aspects.readability.percentAgreement).toBeCloseTo(0.5, 10);
    expect(report.aspects.readability.krippendorffAlpha.nominal).toBeCloseTo(0, 10);
    expect(report.aspects.readability.krippendorffAlpha.interval).toBeCloseTo(0, 10);
  });

  it("reports each rater: gold accuracy and flag, agreement with the others, bias and effort", () => {
    const byEmail = new Map(report.raters.map((r) => [r.email, r]));
    const [a, b, c, d] = (["A", "B", "C", "D"] as const).map((k) => byEmail.get(raters[k].email)!);
    expect(report.project.goldThreshold).toBe(0.7);
    // gold: A and B pick r1 on all three gold pairs; C picks r2, r2 and a tie (g3's reversed gold still expects r1)
    expect([a.goldAccuracy, b.goldAccuracy, c.goldAccuracy]).toEqual([1, 1, 0]);
    expect([a.goldJudgments, b.goldJudgments, c.goldJudgments]).toEqual([3, 3, 3]);
    expect([a.isFlagged, b.isFlagged, c.isFlagged, d.isFlagged]).toEqual([false, false, true, false]);
    // against the others' majority winner (units where the others split are skipped):
    // A: o1 F vs F F ✓, o3 T vs T ✓ → 1; B: o1 ✓ → 1; C: g1 g2 g3 ✗, o1 ✓, o2 ✗, o3 ✓ → 2/6
    expect(a.agreementWithOthers).toBe(1);
    expect(b.agreementWithOthers).toBe(1);
    expect(c.agreementWithOthers).toBeCloseTo(1 / 3, 12);
    // left slot, display orientation. A (r2 always left): wins F F F F S → shown right ×4, left ×1 → 1/5.
    // B (r1 left): F F F F S → left 4/5, binomial p = 2·6/32. C (gold flipped): g1 g2 left, o1 o2 left → 4/4, p = 2/16
    expect([a.leftRate, b.leftRate, c.leftRate]).toEqual([0.2, 0.8, 1]);
    expect(b.leftPValue).toBeCloseTo(0.375, 12);
    expect(c.leftPValue).toBeCloseTo(0.125, 12);
    // ties over judgments with a value; both-bad over all judgments
    expect([a.tieRate, b.tieRate, c.tieRate]).toEqual([1 / 6, 0, 2 / 6]);
    expect([a.bothBadRate, b.bothBadRate, c.bothBadRate]).toEqual([0, 1 / 6, 0]);
    // r2 is the longer answer everywhere: share of wins that went to r2 — A 1/5, B 1/5, C 2/4
    expect([a.lengthBias, b.lengthBias, c.lengthBias]).toEqual([0.2, 0.2, 0.5]);
    expect([a.medianSeconds, b.medianSeconds, c.medianSeconds]).toEqual([35, 52.5, 3.5]);
    // all on one day
    expect([a.perDay, b.perDay, c.perDay]).toEqual([6, 6, 6]);
    // D skipped once and judged nothing; the others never skipped
    expect(d).toMatchObject({ judgments: 0, skipRate: 1, isPaused: false });
    expect([a.skipRate, b.skipRate, c.skipRate]).toEqual([0, 0, 0]);
    expect(c.reliability).not.toBeNull();
    expect(report.activeSeconds.counts.reduce((s, n) => s + n, 0) + report.activeSeconds.untimed).toBe(18);
  });

  it("filters by date range and rubric version", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const dayAfter = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const get = (query: TQualityQuery) => getAgreementReport({ caller: project.owner, projectId: project.id, query });
    expect((await get({ from: today, to: today })).judgments).toBe(18);
    expect((await get({ from: dayAfter })).judgments).toBe(0);
    expect((await get({ to: dayBefore })).judgments).toBe(0);
    expect((await get({ rubricVersion: 1 })).judgments).toBe(18);
    const none = await get({ rubricVersion: 2 });
    expect(none.judgments).toBe(0);
    expect(none.aspects).toEqual({});
  });
});

describe("the report's cache", () => {
  it("serves a repeat from memory and recomputes after a new judgment or a gold change", async () => {
    const get = () => getAgreementReport({ caller: project.owner, projectId: project.id, query: {} });
    const first = await get();
    expect((await get()).computedAt).toBe(first.computedAt);

    // D now judges the next gold pair: one more judgment, and D's single gold answer flags nobody
    await judgeNext(raters.D, () => ({ planned: { value: -1, seconds: 7 }, isFlipped: false }));
    const second = await get();
    expect(second.judgments).toBe(first.judgments + 1);
    expect(second.computedAt).not.toBe(first.computedAt);
    const d = second.raters.find((r) => r.rater === raters.D.id)!;
    expect(d).toMatchObject({ judgments: 1, goldAccuracy: 1, goldJudgments: 1, isFlagged: false });

    // clearing g1's gold leaves C two wrong gold answers: too few to flag
    await setItemGold({ projectId: project.id, input: { itemId: "g1", gold: null }, actorId: project.owner.id });
    const third = await get();
    expect(third.computedAt).not.toBe(second.computedAt);
    const c = third.raters.find((r) => r.rater === raters.C.id)!;
    expect(c).toMatchObject({ goldJudgments: 2, goldAccuracy: 0, isFlagged: false });
    await setItemGold({ projectId: project.id, input: { itemId: "g1", gold: { preference: -2, responses: ["r1", "r2"] } }, actorId: project.owner.id });
    expect((await get()).raters.find((r) => r.rater === raters.C.id)).toMatchObject({ goldJudgments: 3, isFlagged: true });
  });
});

describe("the HTTP routes", () => {
  let staffSecret: string;
  let annotatorSecret: string;
  let adminSecret: string;
  beforeAll(async () => {
    staffSecret = (await createApiToken({ userId: project.owner.id })).secret;
    annotatorSecret = (await createApiToken({ userId: raters.A.id })).secret;
    adminSecret = (await createApiToken({ userId: admin.id })).secret;
  });

  it("GET /agreement returns API.md's report to staff, with seeded bootstrap intervals on request, and 403 to annotators", async () => {
    const response = await callRoute(getAgreementRoute, `/api/v1/projects/${project.id}/agreement?bootstrap=1`, staffSecret);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TAgreementReportView;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["judgments", "units", "overall", "aspects", "raters"]));
    expect(body.units).toBe(6);
    expect(Object.keys(body.overall.krippendorffAlpha)).toEqual(["nominal", "ordinal", "interval"]);
    const rater = body.raters.find((r) => r.email === raters.C.email)!;
    expect(rater).toMatchObject({ rater: raters.C.id, goldAccuracy: 0, isFlagged: true });
    for (const key of ["rater", "judgments", "agreementWithOthers", "goldAccuracy", "leftRate", "medianSeconds"]) expect(rater).toHaveProperty(key);
    const ci = body.overall.ci95!;
    expect(ci.percentAgreement![0]).toBeLessThanOrEqual(ci.percentAgreement![1]);
    expect(body.aspects.correctness.ci95).toBeDefined();
    // same seed, same intervals: computed afresh, not read from the cache
    qualityCache.clear();
    const reseeded = (await (await callRoute(getAgreementRoute, `/api/v1/projects/${project.id}/agreement?bootstrap=1&seed=20240601`, staffSecret)).json()) as TAgreementReportView;
    expect(reseeded.overall.ci95).toEqual(body.overall.ci95);

    const denied = await callRoute(getAgreementRoute, `/api/v1/projects/${project.id}/agreement`, annotatorSecret);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const invalid = await callRoute(getAgreementRoute, `/api/v1/projects/${project.id}/agreement?from=yesterday`, staffSecret);
    expect(invalid.status).toBe(400);
  });

  it("GET /quality/models scores the reward model against the human majority", async () => {
    const response = await callRoute(getModelsRoute, `/api/v1/projects/${project.id}/quality/models`, staffSecret);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TModelsVersusHumans;
    // majority per pair: g1 g2 g3 o1 first, o2 second, o3 only ties (out). The model agrees on
    // g1–g3 and o2 and not on o1 → 4/5; o3's equal scores are left out too.
    const [set] = body.scoreSets;
    expect(set).toMatchObject({ name: "reward_model", pairs: 5, agreements: 4, accuracy: 0.8, leftOut: 1 });
    // Wilson, z = 1.96: (0.8 + z²/10 ± z·√(0.16/5 + z²/100))/(1 + z²/5) = [0.376, 0.964]
    expect(set.ci95![0]).toBeCloseTo(0.3755, 3);
    expect(set.ci95![1]).toBeCloseTo(0.9638, 3);
    expect(set.aspects.correctness).toMatchObject({ pairs: 5, agreements: 4 });
    // readability: o1 (A, B both r1) against the model's r2; o2 split → 0 of 1
    expect(set.aspects.readability).toMatchObject({ pairs: 1, agreements: 0, accuracy: 0 });
    // gaps |1| |1| |1| 6 5: the top decile starts at 5.6, where o1 (gap +6, humans 3 of 3 for r1) is
    expect(body.disagreements).toEqual([
      { scoreSet: "reward_model", unit: unitByItem.get("o1")!.id, item: "o1", responses: ["r1", "r2"], models: ["model-short", "model-long"], scoreGap: 6, humanMean: -2, humanAgreement: 1, judgments: 3 },
    ]);
    expect((await callRoute(getModelsRoute, `/api/v1/projects/${project.id}/quality/models`, annotatorSecret)).status).toBe(403);
  });

  it("GET /quality/csv downloads a table as text/csv", async () => {
    const response = await callRoute(getCsvRoute, `/api/v1/projects/${project.id}/quality/csv?table=raters`, staffSecret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`quality-raters-${project.id}.csv`);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("rater,email,judgments,agreement_with_others,gold_accuracy,gold_judgments,flagged,paused,left_rate,left_p_value,tie_rate,both_bad_rate,length_bias,median_seconds,per_day,skip_rate,reliability");
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes(raters.C.email))).toMatch(new RegExp(`^${raters.C.id},${raters.C.email},6,0\\.333\\d*,0,3,true,false,1,0\\.12\\d+,`));
    const overall = (await (await callRoute(getCsvRoute, `/api/v1/projects/${project.id}/quality/csv?table=overall`, staffSecret)).text()).split("\r\n");
    const report = await getAgreementReport({ caller: project.owner, projectId: project.id, query: {} });
    expect(overall[0].startsWith("target,judgments,percent_agreement,pa_lo,pa_hi,alpha_nominal,")).toBe(true);
    expect(overall[1].startsWith(`overall,19,${report.overall.percentAgreement},,,${report.overall.krippendorffAlpha.nominal},`)).toBe(true);
    expect(overall.slice(2, 4).map((l) => l.split(",")[0])).toEqual(["correctness", "readability"]);
    expect((await callRoute(getCsvRoute, `/api/v1/projects/${project.id}/quality/csv?table=nope`, staffSecret)).status).toBe(400);
  });

  it("lets an admin pause a flagged rater (audited), after which the rater gets no work", async () => {
    await expectAppError(pauseRater({ caller: project.owner, projectId: project.id, input: { userId: raters.C.id, paused: true } }), "forbidden");
    const response = await callRoute(postPauseRoute as typeof getAgreementRoute, `/api/v1/projects/${project.id}/quality/pause`, adminSecret, {
      method: "POST",
      body: JSON.stringify({ userId: raters.C.id, paused: true }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: raters.C.id, email: raters.C.email, paused: true });
    await expectAppError(getNextAssignment({ caller: raters.C, projectId: project.id }), "forbidden");
    const { rows } = await getPool().query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_logs WHERE target_id = $1 AND details->>'userId' = $2",
      [project.id, raters.C.id],
    );
    expect(rows).toEqual([{ action: "project.member.pause", actor_id: admin.id }]);
    const report = await getAgreementReport({ caller: admin, projectId: project.id, query: {} });
    expect(report.raters.find((r) => r.rater === raters.C.id)).toMatchObject({ isFlagged: true, isPaused: true });
    await pauseRater({ caller: admin, projectId: project.id, input: { userId: raters.C.id, paused: false } });
    expect(await getNextAssignment({ caller: raters.C, projectId: project.id })).toBeNull();
  });
});

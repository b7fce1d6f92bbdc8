import { beforeAll, describe, expect, it } from "vitest";
import { db, getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { defaultRubric, type TRubricInput } from "@/lib/projects/schemas";
import { updateRubric } from "@/lib/projects/update-rubric";
import { updateProject } from "@/lib/projects/update-project";
import { listRubricVersions } from "@/lib/projects/list-rubric-versions";
import { listProjectMembers } from "@/lib/projects/list-project-members";
import { setMemberPaused } from "@/lib/projects/set-member-paused";
import { setItemGold } from "@/lib/items/set-item-gold";
import { GOLD_TARGET } from "@/lib/items/write-item-batch";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { PUT as putRubric } from "@/app/api/v1/projects/[id]/rubric/route";
import { addMember, importLines, item, judgeOnce, makeProject, makeUser, unitsOf } from "./train-fixtures";

let trainer: TCaller;

beforeAll(async () => {
  trainer = await makeUser("TRAINER");
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function editedRubric(label: string): TRubricInput {
  const base = defaultRubric("pairwise");
  return { aspects: base.aspects.map((a) => (a.key === "readability" ? { ...a, label } : a)), rationale: "required" };
}

async function rubricRows(projectId: string) {
  return db.rubric.findMany({ where: { projectId }, orderBy: { version: "asc" } });
}

async function auditActions(projectId: string) {
  const rows = await db.auditLog.findMany({ where: { targetId: projectId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.action);
}

describe("updateRubric", () => {
  it("rewrites the current version in place while no judgment uses it", async () => {
    const project = await makeProject(trainer);
    const result = await updateRubric({ projectId: project.id, rubric: editedRubric("Clarity"), actorId: trainer.id });
    expect(result).toEqual({ version: 1, previousVersion: 1, outcome: "updated_in_place" });
    const rows = await rubricRows(project.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].rationale).toBe("required");
    expect((rows[0].aspects as Array<{ key: string; label: string }>).find((a) => a.key === "readability")?.label).toBe("Clarity");
    expect(await auditActions(project.id)).toContain("rubric.update");

    const again = await updateRubric({ projectId: project.id, rubric: editedRubric("Clarity"), actorId: trainer.id });
    expect(again.outcome).toBe("unchanged");
  });

  it("creates version + 1 once the current version has judgments, and old judgments keep their version", async () => {
    const project = await makeProject(trainer);
    const annotator = await makeUser("ANNOTATOR");
    await addMember(project.id, annotator);
    await importLines(project.id, trainer, [item("rb-1"), item("rb-2")]);
    const { judgmentId: firstJudgment } = await judgeOnce(project.id, annotator);

    const result = await updateRubric({ projectId: project.id, rubric: editedRubric("Clarity"), actorId: trainer.id });
    expect(result).toEqual({ version: 2, previousVersion: 1, outcome: "new_version" });
    const rows = await rubricRows(project.id);
    expect(rows.map((r) => [r.version, r.rationale])).toEqual([[1, "optional"], [2, "required"]]);
    expect((rows[0].aspects as Array<{ label: string }>).map((a) => a.label)).toContain("Readability");
    expect(await auditActions(project.id)).toContain("rubric.version.create");

    const judged = await db.judgment.findUniqueOrThrow({ where: { id: firstJudgment } });
    expect([judged.rubricId, judged.rubricVersion]).toEqual([rows[0].id, 1]);

    // version 2 has no judgments yet, so the next edit stays on version 2
    const inPlace = await updateRubric({ projectId: project.id, rubric: editedRubric("Legibility"), actorId: trainer.id });
    expect(inPlace).toMatchObject({ version: 2, outcome: "updated_in_place" });

    // the rubric now requires a rationale; a judgment under it records version 2
    const second = await judgeOnce(project.id, annotator, { preference: 1, aspects: { correctness: 1 }, rationale: "B handles empty input" });
    expect(second.rubricVersion).toBe(2);
    expect((await db.judgment.findUniqueOrThrow({ where: { id: second.judgmentId } })).rubricVersion).toBe(2);

    const history = await listRubricVersions({ projectId: project.id });
    expect(history.map((v) => [v.version, v.judgments])).toEqual([[2, 1], [1, 1]]);
  });

  it("refuses a stale expected version with 409", async () => {
    const project = await makeProject(trainer);
    const error = await rejection(updateRubric({ projectId: project.id, rubric: editedRubric("X"), actorId: trainer.id, expectedVersion: 4 }));
    expect([error.code, error.status]).toEqual(["conflict", 409]);
  });

  it("PUT /api/v1/projects/{id}/rubric answers 200 {version} for a trainer token and 403 for an annotator", async () => {
    const project = await makeProject(trainer);
    const annotator = await makeUser("ANNOTATOR");
    const call = async (userId: string, body: unknown) => {
      const { secret } = await createApiToken({ userId });
      const request = new Request(`http://localhost/api/v1/projects/${project.id}/rubric`, {
        method: "PUT",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return putRubric(request, { params: Promise.resolve({ id: project.id }) });
    };
    const ok = await call(trainer.id, editedRubric("Via API"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ version: 1 });
    const bad = await call(trainer.id, { aspects: [{ key: "Bad Key", label: "x", scale: "pairwise7" }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    expect((await call(annotator.id, editedRubric("Nope"))).status).toBe(403);
  });
});

describe("updateProject", () => {
  it("re-targets non-gold units to overlap + escalations and recomputes open, leaving gold alone", async () => {
    const project = await makeProject(trainer, { overlap: 3, instructions: "keep me", sampling: "active" });
    await importLines(project.id, trainer, [item("ov-1", 3, { gold: { preference: -1, responses: ["r1", "r2"] } }), item("ov-2")]);
    const pool = getPool();
    // ov-1 r1/r3: two judgments and one live lease; ov-1 r2/r3: escalated once; ov-2: untouched
    await pool.query(
      `UPDATE units u SET judgment_count = 2, lease_count = 1 FROM responses a, responses b
        WHERE u.project_id = $1 AND a.id = u.response_a_id AND b.id = u.response_b_id AND a.external_id = 'r1' AND b.external_id = 'r3'`,
      [project.id],
    );
    await pool.query(
      `UPDATE units u SET escalations = 1, target = 4 FROM responses a WHERE u.project_id = $1 AND a.id = u.response_a_id AND a.external_id = 'r2'`,
      [project.id],
    );

    const lowered = await updateProject({ projectId: project.id, input: { overlap: 2, name: "Renamed" }, actorId: trainer.id });
    expect(lowered.changed.sort()).toEqual(["name", "overlap"]);
    const after = (await unitsOf(project.id)).map((u) => [u.item, u.a, u.b, u.is_gold, u.target, u.open]);
    expect(after).toEqual([
      ["ov-1", "r1", "r2", true, GOLD_TARGET, true],
      ["ov-1", "r1", "r3", false, 2, false],
      ["ov-1", "r2", "r3", false, 3, true],
      ["ov-2", "r1", "r2", false, 2, true],
    ]);

    await updateProject({ projectId: project.id, input: { overlap: 5 }, actorId: trainer.id });
    const raised = (await unitsOf(project.id)).filter((u) => !u.is_gold).map((u) => [u.item, u.a, u.b, u.target, u.open]);
    expect(raised).toEqual([["ov-1", "r1", "r3", 5, true], ["ov-1", "r2", "r3", 6, true], ["ov-2", "r1", "r2", 5, true]]);

    const stored = await db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect([stored.name, stored.overlap, stored.instructions, stored.sampling]).toEqual(["Renamed", 5, "keep me", "active"]);
    const audits = await db.auditLog.findMany({ where: { targetId: project.id, action: "project.update" } });
    expect(audits).toHaveLength(2);
  });

  it("rejects out-of-range settings and unknown projects", async () => {
    const project = await makeProject(trainer);
    await expect(updateProject({ projectId: project.id, input: { overlap: 0 }, actorId: trainer.id })).rejects.toThrow();
    await expect(updateProject({ projectId: project.id, input: { goldRate: 1.5 }, actorId: trainer.id })).rejects.toThrow();
    expect((await rejection(updateProject({ projectId: "missing", input: { overlap: 2 }, actorId: trainer.id }))).code).toBe("not_found");
  });
});

describe("setItemGold", () => {
  it("moves the gold unit to the chosen pair, stored in the item's own orientation", async () => {
    const project = await makeProject(trainer, { overlap: 3 });
    await importLines(project.id, trainer, [item("g-1", 3, { gold: { preference: -1, responses: ["r1", "r2"] } })]);
    expect((await unitsOf(project.id)).filter((u) => u.is_gold).map((u) => [u.a, u.b])).toEqual([["r1", "r2"]]);

    // chosen as (r3, r1) with "second better": stored as r1 vs r3 with "first better"
    const result = await setItemGold({ projectId: project.id, input: { itemId: "g-1", gold: { preference: 2, responses: ["r3", "r1"] } }, actorId: trainer.id });
    expect(result.gold).toEqual({ preference: -2, responses: ["r1", "r3"] });
    const units = (await unitsOf(project.id)).map((u) => [u.a, u.b, u.is_gold, u.target, u.open]);
    expect(units).toEqual([
      ["r1", "r2", false, 3, true],
      ["r1", "r3", true, GOLD_TARGET, true],
      ["r2", "r3", false, 3, true],
    ]);
    const stored = await db.item.findFirstOrThrow({ where: { projectId: project.id, externalId: "g-1" } });
    expect(stored.gold).toEqual({ preference: -2, responses: ["r1", "r3"] });

    await setItemGold({ projectId: project.id, input: { itemId: "g-1", gold: null }, actorId: trainer.id });
    expect((await unitsOf(project.id)).every((u) => !u.is_gold && u.target === 3)).toBe(true);
    expect((await db.item.findFirstOrThrow({ where: { projectId: project.id, externalId: "g-1" } })).gold).toBeNull();
    const audits = await db.auditLog.findMany({ where: { targetId: "g-1", action: { startsWith: "item.gold" } } });
    expect(audits.map((a) => a.action).sort()).toEqual(["item.gold.clear", "item.gold.set"]);
  });

  it("refuses the same response twice, an unknown response and a rating project", async () => {
    const project = await makeProject(trainer);
    await importLines(project.id, trainer, [item("g-2")]);
    const same = await rejection(setItemGold({ projectId: project.id, input: { itemId: "g-2", gold: { preference: 1, responses: ["r1", "r1"] } }, actorId: trainer.id }));
    expect(same.code).toBe("invalid_input");
    const unknown = await rejection(setItemGold({ projectId: project.id, input: { itemId: "g-2", gold: { preference: 1, responses: ["r1", "r7"] } }, actorId: trainer.id }));
    expect(unknown.message).toMatch(/r7/);
    const rating = await makeProject(trainer, { mode: "rating" });
    await importLines(rating.id, trainer, [item("g-3")]);
    const wrongMode = await rejection(setItemGold({ projectId: rating.id, input: { itemId: "g-3", gold: { preference: 1, responses: ["r1", "r2"] } }, actorId: trainer.id }));
    expect(wrongMode.message).toMatch(/pairwise/);
  });
});

describe("project members", () => {
  it("pauses and resumes a member, audit-logged, and lists members with their state", async () => {
    const project = await makeProject(trainer);
    const annotator = await makeUser("ANNOTATOR");
    await addMember(project.id, annotator);
    await setMemberPaused({ projectId: project.id, userId: annotator.id, paused: true, actorId: trainer.id });
    expect((await listProjectMembers({ projectId: project.id })).map((m) => [m.email, m.paused, m.judgments])).toEqual([[annotator.email, true, 0]]);
    await setMemberPaused({ projectId: project.id, userId: annotator.id, paused: false, actorId: trainer.id });
    expect((await listProjectMembers({ projectId: project.id }))[0].paused).toBe(false);
    expect((await auditActions(project.id)).filter((a) => a.startsWith("project.member"))).toEqual(["project.member.pause", "project.member.unpause"]);

    const stranger = await makeUser("ANNOTATOR");
    expect((await rejection(setMemberPaused({ projectId: project.id, userId: stranger.id, paused: true, actorId: trainer.id }))).code).toBe("not_found");
  });
});

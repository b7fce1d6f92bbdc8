import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { skipAssignment } from "@/lib/assignment/skip-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import { createTestUser, createTestUsers } from "./helpers/create-test-user";
import { createTestProject } from "./helpers/create-test-project";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { auditUnits, countJudgments, expireAssignment, getAssignmentRow, listUnits } from "./helpers/db-queries";
import { expectAppError } from "./helpers/expect-app-error";
import { pairwiseJudgment } from "./helpers/judgment-input";

// One item with two responses: exactly one pairwise unit, so who gets it is easy to follow.
async function singleUnitProject(overlap: number, memberCount: number) {
  const members = await createTestUsers(memberCount);
  const project = await createTestProject({ overlap, members });
  await createTestItems(project, buildItems({ count: 1 }));
  const [unit] = await listUnits(project.id);
  return { project, members, unit };
}

describe("skipping", () => {
  it("never offers a skipped unit to the same annotator again, but does to others", async () => {
    const { project, members: [alice, bob], unit } = await singleUnitProject(1, 2);
    const first = await getNextAssignment({ caller: alice, projectId: project.id });
    expect((await getAssignmentRow(first!.id)).unit_id).toBe(unit.id);
    expect(await getNextAssignment({ caller: bob, projectId: project.id }), "overlap 1: the unit is taken").toBeNull();

    await skipAssignment({ caller: alice, assignmentId: first!.id, reason: "not my language" });
    expect((await getAssignmentRow(first!.id)).status).toBe("SKIPPED");
    expect((await listUnits(project.id))[0]).toMatchObject({ lease_count: 0, open: true });
    expect(await getNextAssignment({ caller: alice, projectId: project.id })).toBeNull();

    const second = await getNextAssignment({ caller: bob, projectId: project.id });
    expect((await getAssignmentRow(second!.id)).unit_id).toBe(unit.id);
    await expectAppError(submitJudgment({ caller: alice, assignmentId: first!.id, input: pairwiseJudgment(1) }), "conflict");
  });

  it("is idempotent, refuses a submitted assignment and hides others' assignments", async () => {
    const { project, members: [alice, bob] } = await singleUnitProject(2, 2);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    await expectAppError(skipAssignment({ caller: bob, assignmentId: view!.id }), "not_found");
    await skipAssignment({ caller: alice, assignmentId: view!.id });
    await skipAssignment({ caller: alice, assignmentId: view!.id });
    expect((await listUnits(project.id))[0].lease_count).toBe(0);

    const bobs = await getNextAssignment({ caller: bob, projectId: project.id });
    await submitJudgment({ caller: bob, assignmentId: bobs!.id, input: pairwiseJudgment(2) });
    await expectAppError(skipAssignment({ caller: bob, assignmentId: bobs!.id }), "already_done");
  });
});

describe("expired leases", () => {
  it("return the unit to the pool for another annotator; the late submit gets assignment_expired", async () => {
    const { project, members: [alice, bob], unit } = await singleUnitProject(1, 2);
    const leased = await getNextAssignment({ caller: alice, projectId: project.id });
    expect(await getNextAssignment({ caller: bob, projectId: project.id })).toBeNull();

    await expireAssignment(leased!.id);
    const taken = await getNextAssignment({ caller: bob, projectId: project.id });
    expect(taken).not.toBeNull();
    expect((await getAssignmentRow(taken!.id)).unit_id).toBe(unit.id);
    expect((await getAssignmentRow(leased!.id)).status).toBe("EXPIRED");
    expect((await listUnits(project.id))[0]).toMatchObject({ lease_count: 1, open: false });

    const error = await expectAppError(submitJudgment({ caller: alice, assignmentId: leased!.id, input: pairwiseJudgment(-1) }), "assignment_expired");
    expect(error.status).toBe(409);
    await submitJudgment({ caller: bob, assignmentId: taken!.id, input: pairwiseJudgment(-1) });
    expect(await countJudgments(project.id)).toBe(1);
    expect((await listUnits(project.id))[0]).toMatchObject({ judgment_count: 1, lease_count: 0, open: false });
  });

  it("refuse a submit even before any sweep has run", async () => {
    const { project, members: [alice] } = await singleUnitProject(1, 1);
    const leased = await getNextAssignment({ caller: alice, projectId: project.id });
    await expireAssignment(leased!.id);
    await expectAppError(submitJudgment({ caller: alice, assignmentId: leased!.id, input: pairwiseJudgment(1) }), "assignment_expired");
    expect((await getAssignmentRow(leased!.id)).status).toBe("LEASED");
    expect(await countJudgments(project.id)).toBe(0);
  });

  it("are swept by many concurrent callers without errors or drifting counters", async () => {
    const annotators = await createTestUsers(20);
    const project = await createTestProject({ overlap: 3, escalationCap: 0, members: annotators });
    await createTestItems(project, buildItems({ count: 5, responses: 3 }));
    for (let round = 0; round < 5; round++) {
      // each annotator holds up to three leases, then every lease in the project expires at once
      for (let k = 0; k < 3; k++) {
        await Promise.all(annotators.map(async (caller) => {
          const { rows } = await getPool().query<{ id: string }>("SELECT id FROM assignments WHERE user_id = $1 AND status = 'LEASED'", [caller.id]);
          await getNextAssignment({ caller, projectId: project.id, exclude: rows.map((r) => r.id) });
        }));
      }
      await getPool().query("UPDATE assignments SET expires_at = now() - interval '1 minute' WHERE project_id = $1 AND status = 'LEASED'", [project.id]);
      const results = await Promise.allSettled(annotators.map((caller) => getNextAssignment({ caller, projectId: project.id })));
      expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      for (const u of await auditUnits(project.id)) {
        expect(u.lease_count, `unit ${u.id}`).toBe(u.live);
        expect(u.open).toBe(u.judgment_count + u.lease_count < u.target);
      }
    }
  });

  it("are resumed by their holder while live", async () => {
    const { project, members: [alice] } = await singleUnitProject(1, 1);
    const first = await getNextAssignment({ caller: alice, projectId: project.id });
    const again = await getNextAssignment({ caller: alice, projectId: project.id });
    expect(again!.id).toBe(first!.id);
    expect(await getNextAssignment({ caller: alice, projectId: project.id, exclude: [first!.id] })).toBeNull();
  });
});

describe("submit idempotency", () => {
  it("stores one judgment for a repeated key and returns the same id", async () => {
    const { project, members: [alice] } = await singleUnitProject(3, 1);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    const input = pairwiseJudgment(2);
    const first = await submitJudgment({ caller: alice, assignmentId: view!.id, input });
    const second = await submitJudgment({ caller: alice, assignmentId: view!.id, input });
    expect(first.created).toBe(true);
    expect(second).toEqual({ judgmentId: first.judgmentId, created: false });
    expect(await countJudgments(project.id)).toBe(1);
    expect((await listUnits(project.id))[0]).toMatchObject({ judgment_count: 1, lease_count: 0 });
  });

  it("stores one judgment when the same key arrives concurrently", async () => {
    const { project, members: [alice] } = await singleUnitProject(3, 1);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    const input = pairwiseJudgment(-3);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitJudgment({ caller: alice, assignmentId: view!.id, input })));
    expect(new Set(results.map((r) => r.judgmentId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countJudgments(project.id)).toBe(1);
    expect((await listUnits(project.id))[0]).toMatchObject({ judgment_count: 1, lease_count: 0 });
  });

  it("refuses a second judgment with another key, and another user's assignment", async () => {
    const { project, members: [alice, bob] } = await singleUnitProject(3, 2);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    await expectAppError(submitJudgment({ caller: bob, assignmentId: view!.id, input: pairwiseJudgment(1) }), "not_found");
    await submitJudgment({ caller: alice, assignmentId: view!.id, input: pairwiseJudgment(1) });
    const error = await expectAppError(submitJudgment({ caller: alice, assignmentId: view!.id, input: pairwiseJudgment(1) }), "already_done");
    expect(error.status).toBe(409);
    await expectAppError(submitJudgment({ caller: alice, assignmentId: "no-such-assignment", input: pairwiseJudgment(1) }), "not_found");
    expect(await countJudgments(project.id)).toBe(1);
  });

  it("refuses a key already used on another of the caller's assignments", async () => {
    const members = await createTestUsers(1);
    const project = await createTestProject({ overlap: 1, members });
    await createTestItems(project, buildItems({ count: 2 }));
    const [alice] = members;
    const first = await getNextAssignment({ caller: alice, projectId: project.id });
    const input = pairwiseJudgment(1);
    await submitJudgment({ caller: alice, assignmentId: first!.id, input });
    const second = await getNextAssignment({ caller: alice, projectId: project.id });
    await expectAppError(submitJudgment({ caller: alice, assignmentId: second!.id, input }), "conflict");
    expect((await getAssignmentRow(second!.id)).status).toBe("LEASED");
  });

  it("refuses one of two concurrent submits that reuse a key on different assignments", async () => {
    const members = await createTestUsers(1);
    const project = await createTestProject({ overlap: 1, members });
    await createTestItems(project, buildItems({ count: 2 }));
    const [alice] = members;
    const first = await getNextAssignment({ caller: alice, projectId: project.id });
    const second = await getNextAssignment({ caller: alice, projectId: project.id, exclude: [first!.id] });
    const input = pairwiseJudgment(1);
    const results = await Promise.allSettled([first!.id, second!.id].map((assignmentId) => submitJudgment({ caller: alice, assignmentId, input })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    await expectAppError(Promise.reject(rejected.reason), "conflict");
    expect(await countJudgments(project.id)).toBe(1);
  });

  it("rejects an invalid judgment with a 400 naming the field and stores nothing", async () => {
    const { project, members: [alice] } = await singleUnitProject(3, 1);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    const error = await expectAppError(submitJudgment({ caller: alice, assignmentId: view!.id, input: { idempotencyKey: "k-12345678", preference: 1 } }), "missing_field");
    expect(error.details?.map((d) => d.field)).toEqual(["aspects.correctness"]);
    expect(await countJudgments(project.id)).toBe(0);
    expect((await getAssignmentRow(view!.id)).status).toBe("LEASED");
  });
});

describe("who may pull", () => {
  it("refuses trainers and non-members, and paused members", async () => {
    const { project, members: [alice] } = await singleUnitProject(3, 1);
    const trainer = await createTestUser({ role: "TRAINER" });
    const outsider = await createTestUser();
    await expectAppError(getNextAssignment({ caller: trainer, projectId: project.id }), "forbidden");
    await expectAppError(getNextAssignment({ caller: outsider, projectId: project.id }), "not_found");
    await getPool().query("UPDATE project_members SET paused = true WHERE project_id = $1 AND user_id = $2", [project.id, alice.id]);
    await expectAppError(getNextAssignment({ caller: alice, projectId: project.id }), "forbidden");
  });
});

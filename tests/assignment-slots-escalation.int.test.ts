import { describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/auth/caller";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import { createTestUsers } from "./helpers/create-test-user";
import { createTestProject } from "./helpers/create-test-project";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { getAssignmentRow, listJudgments, listUnits, type TUnitRow } from "./helpers/db-queries";
import { pairwiseJudgment } from "./helpers/judgment-input";

describe("slot order", () => {
  it("is randomised per assignment, stored, and undone in canonical_pref", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createTestProject({ overlap: 1, members: [alice] });
    await createTestItems(project, buildItems({ count: 40 }));
    const units = new Map((await listUnits(project.id)).map((u) => [u.id, u]));
    const { rows: responses } = await getPool().query<{ id: string; content: string }>("SELECT id, content FROM responses WHERE project_id = $1", [project.id]);
    const contentOf = new Map(responses.map((r) => [r.id, r.content]));

    for (let i = 0; i < 40; i++) {
      const view = await getNextAssignment({ caller: alice, projectId: project.id });
      const row = await getAssignmentRow(view!.id);
      const unit = units.get(row.unit_id)!;
      expect([...row.slot_order].sort()).toEqual([unit.response_a_id, unit.response_b_id].sort());
      expect(view!.responses.map((r) => r.slot)).toEqual(["A", "B"]);
      expect(view!.responses.map((r) => r.content)).toEqual(row.slot_order.map((id) => contentOf.get(id)));
      // the left pane (A) is judged much better, on the overall preference and on correctness
      const comments = [{ slot: "B", lineStart: 1, lineEnd: 1, text: "off by one" }];
      await submitJudgment({ caller: alice, assignmentId: view!.id, input: pairwiseJudgment(-3, { comments }) });
    }
    expect(await getNextAssignment({ caller: alice, projectId: project.id })).toBeNull();

    const judgments = await listJudgments(project.id);
    expect(judgments).toHaveLength(40);
    let flipped = 0;
    for (const j of judgments) {
      const unit = units.get(j.unit_id)!;
      const earlierOnRight = j.slot_order[1] === unit.response_a_id;
      if (earlierOnRight) flipped++;
      expect(j.preference).toBe(-3);
      expect(j.aspects).toEqual({ correctness: -3 });
      expect(j.canonical_pref).toBe(earlierOnRight ? 3 : -3);
      expect(j.canonical_aspects).toEqual({ correctness: earlierOnRight ? 3 : -3 });
      expect(j.left_slot_response_id).toBe(j.slot_order[0]);
    }
    // P(all 40 the same way) = 2^-39 under a fair shuffle
    expect(flipped).toBeGreaterThan(0);
    expect(flipped).toBeLessThan(40);

    const { rows: comments } = await getPool().query<{ response_id: string; slot_order: string[] }>(
      `SELECT c.response_id, a.slot_order FROM line_comments c JOIN judgments j ON j.id = c.judgment_id JOIN assignments a ON a.id = j.assignment_id
        WHERE j.project_id = $1`,
      [project.id],
    );
    expect(comments).toHaveLength(40);
    for (const c of comments) expect(c.response_id).toBe(c.slot_order[1]);
  });
});

// Submits a judgment whose preference, turned to the unit's own orientation, is `canonical`.
async function judge(caller: TCaller, projectId: string, canonical: number, expectUnit: TUnitRow) {
  const view = await getNextAssignment({ caller, projectId });
  expect(view, `${caller.email} should get the unit`).not.toBeNull();
  const row = await getAssignmentRow(view!.id);
  expect(row.unit_id).toBe(expectUnit.id);
  const isFlipped = row.slot_order[0] !== expectUnit.response_a_id;
  await submitJudgment({ caller, assignmentId: view!.id, input: pairwiseJudgment(isFlipped ? -canonical : canonical) });
}

async function unitState(projectId: string) {
  const [unit] = await listUnits(projectId);
  return unit;
}

describe("escalation", () => {
  async function setUp() {
    const members = await createTestUsers(5);
    const project = await createTestProject({ overlap: 2, escalationCap: 2, members });
    await createTestItems(project, buildItems({ count: 1 }));
    const [unit] = await listUnits(project.id);
    return { project, members, unit };
  }

  it("raises the target when two judgments disagree, and a third annotator gets the unit", async () => {
    const { project, members: [a, b, c, d, e], unit } = await setUp();
    await judge(a, project.id, -2, unit);
    expect(await unitState(project.id)).toMatchObject({ target: 2, judgment_count: 1, open: true, escalations: 0 });
    await judge(b, project.id, 1, unit);
    expect(await unitState(project.id)).toMatchObject({ target: 3, judgment_count: 2, open: true, escalations: 1 });

    await judge(c, project.id, 1, unit);
    // still split 2:1, so one more escalation up to the cap of 2
    expect(await unitState(project.id)).toMatchObject({ target: 4, judgment_count: 3, open: true, escalations: 2 });
    await judge(d, project.id, 3, unit);
    expect(await unitState(project.id)).toMatchObject({ target: 4, judgment_count: 4, lease_count: 0, open: false, escalations: 2 });
    expect(await getNextAssignment({ caller: e, projectId: project.id })).toBeNull();
  });

  it("closes the unit when the judgments agree", async () => {
    const { project, members: [a, b, c], unit } = await setUp();
    await judge(a, project.id, 1, unit);
    await judge(b, project.id, 3, unit);
    expect(await unitState(project.id)).toMatchObject({ target: 2, judgment_count: 2, lease_count: 0, open: false, escalations: 0 });
    expect(await getNextAssignment({ caller: c, projectId: project.id })).toBeNull();
  });

  it("does not count a tie as disagreement", async () => {
    const { project, members: [a, b], unit } = await setUp();
    await judge(a, project.id, 0, unit);
    await judge(b, project.id, -1, unit);
    expect(await unitState(project.id)).toMatchObject({ target: 2, open: false, escalations: 0 });
  });

  it("is not lost when the disagreeing judgments arrive at the same moment", async () => {
    const [a, b] = await createTestUsers(2);
    const project = await createTestProject({ overlap: 2, escalationCap: 2, members: [a, b] });
    await createTestItems(project, buildItems({ count: 20 }));
    const units = new Map((await listUnits(project.id)).map((u) => [u.id, u]));
    // both annotators lease every unit first (the exclude list fetches the one after the current)
    const leaseAll = async (caller: TCaller) => {
      const byUnit = new Map<string, { id: string; isFlipped: boolean }>();
      for (let i = 0; i < units.size; i++) {
        const view = await getNextAssignment({ caller, projectId: project.id, exclude: [...byUnit.values()].map((v) => v.id) });
        const row = await getAssignmentRow(view!.id);
        byUnit.set(row.unit_id, { id: view!.id, isFlipped: row.slot_order[0] !== units.get(row.unit_id)!.response_a_id });
      }
      return byUnit;
    };
    const [leasesA, leasesB] = [await leaseAll(a), await leaseAll(b)];
    for (const unitId of units.keys()) {
      const la = leasesA.get(unitId)!;
      const lb = leasesB.get(unitId)!;
      await Promise.all([
        submitJudgment({ caller: a, assignmentId: la.id, input: pairwiseJudgment(la.isFlipped ? 2 : -2) }),
        submitJudgment({ caller: b, assignmentId: lb.id, input: pairwiseJudgment(lb.isFlipped ? -1 : 1) }),
      ]);
    }
    for (const u of await listUnits(project.id)) {
      expect(u, `unit ${u.id}`).toMatchObject({ judgment_count: 2, lease_count: 0, target: 3, escalations: 1, open: true });
    }
  });
});

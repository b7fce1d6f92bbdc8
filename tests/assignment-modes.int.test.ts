import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import { createTestUsers } from "./helpers/create-test-user";
import { createTestProject } from "./helpers/create-test-project";
import { buildItems, importTestItems } from "./helpers/create-test-items";
import { getAssignmentRow, listJudgments, listUnits } from "./helpers/db-queries";
import { expectAppError } from "./helpers/expect-app-error";
import { rankingJudgment, ratingJudgment } from "./helpers/judgment-input";

async function responsesByItem(projectId: string) {
  const { rows } = await getPool().query<{ id: string; item_id: string }>("SELECT id, item_id FROM responses WHERE project_id = $1 ORDER BY position", [projectId]);
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), r.id]);
  return map;
}

describe("rating mode", () => {
  it("has one unit per response, shows one slot and stores ratings by response", async () => {
    const annotators = await createTestUsers(2);
    const project = await createTestProject({ mode: "rating", overlap: 2, members: annotators });
    expect(await importTestItems(project, buildItems({ count: 2, responses: 3 }))).toEqual({ created: 2, updated: 0 });
    const units = await listUnits(project.id);
    expect(units).toHaveLength(6);
    for (const u of units) expect(u).toMatchObject({ response_b_id: null, target: 2, is_gold: false });
    expect(new Set(units.map((u) => u.response_a_id)).size).toBe(6);

    let count = 0;
    for (const caller of annotators) {
      for (;;) {
        const view = await getNextAssignment({ caller, projectId: project.id });
        if (!view) break;
        expect(view.mode).toBe("rating");
        expect(view.responses.map((r) => r.slot)).toEqual(["A"]);
        const row = await getAssignmentRow(view.id);
        const unit = units.find((u) => u.id === row.unit_id)!;
        expect(row.slot_order).toEqual([unit.response_a_id]);
        if (count === 0) {
          const missing = await expectAppError(submitJudgment({ caller, assignmentId: view.id, input: ratingJudgment(4, { ratings: { A: { readability: 3 } } }) }), "missing_field");
          expect(missing.details?.map((d) => d.field)).toEqual(["ratings.A.correctness"]);
          const badSlot = await expectAppError(submitJudgment({ caller, assignmentId: view.id, input: ratingJudgment(4, { ratings: { A: { correctness: 4 }, B: { correctness: 2 } } }) }), "missing_field");
          expect(badSlot.details?.map((d) => d.field)).toEqual(["ratings.B"]);
          await expectAppError(submitJudgment({ caller, assignmentId: view.id, input: ratingJudgment(7) }), "missing_field");
        }
        await submitJudgment({ caller, assignmentId: view.id, input: ratingJudgment((count % 5) + 1) });
        count++;
      }
    }
    expect(count).toBe(12);
    const judgments = await listJudgments(project.id);
    for (const j of judgments) {
      const unit = units.find((u) => u.id === j.unit_id)!;
      expect(Object.keys(j.ratings!)).toEqual([unit.response_a_id]);
      expect(j.preference).toBeNull();
    }
    for (const u of await listUnits(project.id)) expect(u).toMatchObject({ judgment_count: 2, open: false });
  });
});

describe("ranking mode", () => {
  it("has one unit per item, shows every response shuffled and stores the ranking by response", async () => {
    const annotators = await createTestUsers(3);
    const project = await createTestProject({ mode: "ranking", overlap: 3, members: annotators });
    await importTestItems(project, buildItems({ count: 2, responses: 4 }));
    const units = await listUnits(project.id);
    expect(units).toHaveLength(2);
    for (const u of units) expect(u).toMatchObject({ response_a_id: null, response_b_id: null, target: 3 });
    const byItem = await responsesByItem(project.id);

    const orders = new Set<string>();
    for (const caller of annotators) {
      for (;;) {
        const view = await getNextAssignment({ caller, projectId: project.id });
        if (!view) break;
        expect(view.responses.map((r) => r.slot)).toEqual(["A", "B", "C", "D"]);
        const row = await getAssignmentRow(view.id);
        const item = units.find((u) => u.id === row.unit_id)!.item_id;
        expect([...row.slot_order].sort()).toEqual([...byItem.get(item)!].sort());
        orders.add(row.slot_order.join());
        const short = await expectAppError(submitJudgment({ caller, assignmentId: view.id, input: rankingJudgment(["A", "B", "C"]) }), "missing_field");
        expect(short.details?.map((d) => d.field)).toEqual(["ranking"]);
        await expectAppError(submitJudgment({ caller, assignmentId: view.id, input: rankingJudgment(["A", "B", "C", "E"]) }), "missing_field");
        await submitJudgment({ caller, assignmentId: view.id, input: rankingJudgment(["C", "A", "D", "B"]) });
      }
    }
    // 6 shuffles of 4 responses: P(all the same) = (1/24)^5
    expect(orders.size).toBeGreaterThan(1);
    const judgments = await listJudgments(project.id);
    expect(judgments).toHaveLength(6);
    for (const j of judgments) {
      const [a, b, c, d] = j.slot_order;
      expect(j.ranking).toEqual([c, a, d, b]);
    }
    for (const u of await listUnits(project.id)) expect(u).toMatchObject({ judgment_count: 3, open: false });
  });
});

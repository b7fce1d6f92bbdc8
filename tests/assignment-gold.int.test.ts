import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { GOLD_TARGET } from "@/lib/items/write-item-batch";
import { createTestUsers } from "./helpers/create-test-user";
import { createTestProject } from "./helpers/create-test-project";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { getAssignmentRow, listUnits } from "./helpers/db-queries";
import { pairwiseJudgment } from "./helpers/judgment-input";
import { getPool } from "@/lib/db/client";

describe("gold units", () => {
  it("are served at gold rate 1 to every annotator and never closed by the overlap", async () => {
    const annotators = await createTestUsers(4);
    const project = await createTestProject({ overlap: 1, goldRate: 1, members: annotators });
    // items 0 and 2 carry a gold answer on their only pair; 1 and 3 are ordinary
    await createTestItems(project, buildItems({ count: 4, gold: { every: 2, preference: -2 } }));
    const units = await listUnits(project.id);
    const gold = new Set(units.filter((u) => u.is_gold).map((u) => u.id));
    expect(gold.size).toBe(2);
    for (const u of units) expect(u.target).toBe(u.is_gold ? GOLD_TARGET : 1);

    const servedGold = new Map<string, number>();
    for (const caller of annotators) {
      const order: boolean[] = [];
      for (;;) {
        const view = await getNextAssignment({ caller, projectId: project.id });
        if (!view) break;
        expect(Object.keys(view).sort()).toEqual(["draft", "expiresAt", "id", "instructions", "item", "mode", "projectId", "responses", "rubric"]);
        const row = await getAssignmentRow(view.id);
        order.push(gold.has(row.unit_id));
        if (gold.has(row.unit_id)) servedGold.set(row.unit_id, (servedGold.get(row.unit_id) ?? 0) + 1);
        await submitJudgment({ caller, assignmentId: view.id, input: pairwiseJudgment(-2) });
      }
      // gold first while any is unseen, then whatever ordinary work is left
      expect(order.slice(0, 2)).toEqual([true, true]);
      expect(order.slice(2).every((isGold) => !isGold)).toBe(true);
    }
    expect([...servedGold.values()]).toEqual([4, 4]);

    for (const u of await listUnits(project.id)) {
      if (u.is_gold) expect(u).toMatchObject({ judgment_count: 4, open: true, target: GOLD_TARGET });
      else expect(u).toMatchObject({ judgment_count: 1, open: false, target: 1 });
    }
    const { rows } = await getPool().query<{ is_gold: boolean; reason: string; n: number }>(
      "SELECT is_gold, reason, count(*)::int AS n FROM assignments WHERE project_id = $1 GROUP BY 1, 2 ORDER BY 1",
      [project.id],
    );
    expect(rows).toEqual([{ is_gold: false, reason: "random", n: 2 }, { is_gold: true, reason: "gold", n: 8 }]);
  });

  it("are still served at gold rate 0 once ordinary work runs out", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createTestProject({ overlap: 1, goldRate: 0, members: [alice] });
    await createTestItems(project, buildItems({ count: 2, gold: { every: 2, preference: 1 } }));
    const served: string[] = [];
    for (;;) {
      const view = await getNextAssignment({ caller: alice, projectId: project.id });
      if (!view) break;
      served.push((await getAssignmentRow(view.id)).unit_id);
      await submitJudgment({ caller: alice, assignmentId: view.id, input: pairwiseJudgment(1) });
    }
    const units = await listUnits(project.id);
    expect(served).toEqual([units.find((u) => !u.is_gold)!.id, units.find((u) => u.is_gold)!.id]);
  });
});

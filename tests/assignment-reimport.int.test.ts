import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { GOLD_TARGET } from "@/lib/items/write-item-batch";
import { createTestUsers } from "./helpers/create-test-user";
import { createTestProject } from "./helpers/create-test-project";
import { buildItems, importTestItems } from "./helpers/create-test-items";
import { listUnits } from "./helpers/db-queries";
import { pairwiseJudgment } from "./helpers/judgment-input";

// Posting an item id again updates the item (API.md); its units, and the work already done on
// them, must survive.
describe("re-importing items", () => {
  it("keeps units and their counters, and turns gold on and off", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createTestProject({ overlap: 2, members: [alice] });
    const items = buildItems({ count: 2, responses: 3 });
    await importTestItems(project, items);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    await submitJudgment({ caller: alice, assignmentId: view!.id, input: pairwiseJudgment(1) });
    const before = await listUnits(project.id);
    expect(before).toHaveLength(6);

    expect(await importTestItems(project, items.map((i) => ({ ...i, prompt: `${i.prompt} (edited)` })))).toEqual({ created: 0, updated: 2 });
    expect(await listUnits(project.id)).toEqual(before);

    const gold = { preference: 2, responses: ["r0", "r1"] as [string, string] };
    await importTestItems(project, [{ ...items[0], gold }]);
    const golden = (await listUnits(project.id)).filter((u) => u.is_gold);
    expect(golden).toHaveLength(1);
    expect(golden[0]).toMatchObject({ target: GOLD_TARGET, open: true });

    await importTestItems(project, [items[0]]);
    const unGold = (await listUnits(project.id)).find((u) => u.id === golden[0].id)!;
    expect(unGold).toMatchObject({ is_gold: false, target: 2 });
  });

  it("does not duplicate a pair when the responses come back in another order", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createTestProject({ overlap: 2, members: [alice] });
    const [item] = buildItems({ count: 1, responses: 3 });
    await importTestItems(project, [item]);
    const before = await listUnits(project.id);
    expect(before).toHaveLength(3);

    await importTestItems(project, [{ ...item, responses: [...item.responses].reverse() }]);
    const after = await listUnits(project.id);
    expect(after).toHaveLength(3);
    expect(after.map((u) => u.id).sort()).toEqual(before.map((u) => u.id).sort());
  });
});

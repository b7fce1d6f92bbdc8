import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import { compareModelsToHumans } from "@/lib/quality/compare-models-to-humans";
import { getAgreementReport } from "@/lib/quality/get-agreement-report";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { createTestProject, LIKERT_AND_BINARY_RUBRIC } from "./helpers/create-test-project";
import { createTestUsers } from "./helpers/create-test-user";

describe("agreement in a rating project", () => {
  it("reads each response's ratings on their own scales (likert 1..5, binary 0/1)", async () => {
    const raters = await createTestUsers(3);
    const project = await createTestProject({
      mode: "rating",
      overlap: 3,
      members: raters,
      rubric: LIKERT_AND_BINARY_RUBRIC,
    });
    // one item, two responses: each response is a unit of its own
    await createTestItems(project, buildItems({ count: 1, responses: 2 }));
    const { rows: units } = await getPool().query<{ id: string; response: string }>(
      "SELECT u.id, r.external_id AS response FROM units u JOIN responses r ON r.id = u.response_a_id WHERE u.project_id = $1",
      [project.id],
    );
    const responseOf = new Map(units.map((u) => [u.id, u.response]));
    // correctness r0: 5 5 4, r1: 2 2 2; compiles only on r0: 1 1 0
    const planned: Record<string, Array<{ correctness: number; compiles?: number }>> = {
      r0: [{ correctness: 5, compiles: 1 }, { correctness: 5, compiles: 1 }, { correctness: 4, compiles: 0 }],
      r1: [{ correctness: 2 }, { correctness: 2 }, { correctness: 2 }],
    };
    for (const [index, caller] of raters.entries()) {
      for (let view; (view = await getNextAssignment({ caller, projectId: project.id })); ) {
        const { rows } = await getPool().query<{ unit_id: string }>("SELECT unit_id FROM assignments WHERE id = $1", [view.id]);
        const ratings = planned[responseOf.get(rows[0].unit_id)!][index];
        await submitJudgment({ caller, assignmentId: view.id, input: { idempotencyKey: randomUUID(), ratings: { A: ratings }, activeSeconds: 30 } });
      }
    }

    const report = await getAgreementReport({ caller: project.owner, projectId: project.id, query: {} });
    expect(report).toMatchObject({ judgments: 6, units: 2 });
    // no overall preference in rating mode
    expect(report.overall.percentAgreement).toBeNull();
    // correctness: r0 5 5 4 → P = 2/6, r1 2 2 2 → 1 → p_a = 2/3
    expect(report.aspects.correctness.percentAgreement).toBeCloseTo(2 / 3, 12);
    // interval α: D_o = (2·(1 + 1)/2)/6 = 2/6; Σx = 20, Σx² = 78 → Σ_(i≠j)(x_i − x_j)² = 2·6·(78 − 400/6) = 136,
    // D_e = 136/30 → α = 1 − (2/6)/(136/30) = 63/68
    expect(report.aspects.correctness.krippendorffAlpha.interval).toBeCloseTo(63 / 68, 12);
    // compiles (binary): 1 1 0 on r0 only → p_a = 1/3; nominal α: D_o = (4 ordered pairs/2)/3 = 2/3, D_e = 2·2·1/(3·2) = 2/3 → 0
    expect(report.aspects.compiles.percentAgreement).toBeCloseTo(1 / 3, 12);
    expect(report.aspects.compiles.krippendorffAlpha.nominal).toBeCloseTo(0, 12);
    expect(report.raters.map((r) => [r.judgments, r.leftRate, r.medianSeconds])).toEqual([[2, null, 30], [2, null, 30], [2, null, 30]]);

    const models = await compareModelsToHumans({ caller: project.owner, projectId: project.id, query: {} });
    expect(models).toMatchObject({ mode: "rating", scoreSets: [], disagreements: [] });
  });
});

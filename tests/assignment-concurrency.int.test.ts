import { describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/auth/caller";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { createTestUsers } from "./helpers/create-test-user";
import { createTestProject, type TTestProject } from "./helpers/create-test-project";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { auditUnits, countJudgments, getAssignmentRow, listUnits } from "./helpers/db-queries";
import { pairwiseJudgment } from "./helpers/judgment-input";

const ANNOTATORS = 20;
const ITEMS = 10; // 3 responses each → 3 pairs each → 30 units
const OVERLAP = 3;

// Reads every unit in one statement (one snapshot) and returns what breaks the invariants:
// no unit holds more work than its target and the stored counters match the assignment rows.
async function findViolations(projectId: string): Promise<string[]> {
  const problems: string[] = [];
  for (const u of await auditUnits(projectId)) {
    if (u.submitted > u.target) problems.push(`${u.id}: ${u.submitted} submitted > target ${u.target}`);
    if (u.live + u.judgments > u.target) problems.push(`${u.id}: ${u.live} leases + ${u.judgments} judgments > target ${u.target}`);
    if (u.lease_count !== u.live) problems.push(`${u.id}: lease_count ${u.lease_count} but ${u.live} live leases`);
    if (u.judgment_count !== u.judgments) problems.push(`${u.id}: judgment_count ${u.judgment_count} but ${u.judgments} judgments`);
    if (u.open !== u.judgment_count + u.lease_count < u.target) problems.push(`${u.id}: open flag out of step`);
  }
  return problems;
}

async function setUp(sampling: "random" | "active" = "random"): Promise<{ project: TTestProject; annotators: TCaller[] }> {
  const annotators = await createTestUsers(ANNOTATORS);
  // escalation off: random preferences would otherwise raise targets and change the expected total
  const project = await createTestProject({ overlap: OVERLAP, escalationCap: 0, sampling, members: annotators });
  await createTestItems(project, buildItems({ count: ITEMS, responses: 3 }));
  return { project, annotators };
}

const randomPreference = () => Math.floor(Math.random() * 7) - 3;

async function expectAllDone(project: TTestProject, unitsByUser: Map<string, string[]>) {
  const units = await listUnits(project.id);
  expect(units).toHaveLength(ITEMS * 3);
  expect(await countJudgments(project.id)).toBe(units.length * OVERLAP);
  for (const u of units) expect(u).toMatchObject({ target: OVERLAP, judgment_count: OVERLAP, lease_count: 0, open: false });
  for (const [user, list] of unitsByUser) expect(new Set(list).size, `annotator ${user} got a unit twice`).toBe(list.length);
  expect(await findViolations(project.id)).toEqual([]);
}

describe("20 annotators pulling at once", () => {
  it("in lock-step rounds: never over the overlap, never a unit twice, every unit done", async () => {
    const { project, annotators } = await setUp();
    const unitsByUser = new Map<string, string[]>(annotators.map((a) => [a.id, []]));
    let active = annotators;
    for (let round = 0; active.length > 0; round++) {
      expect(round, "rounds should end once the pool is empty").toBeLessThan(40);
      const views = await Promise.all(active.map((caller) => getNextAssignment({ caller, projectId: project.id })));
      expect(await findViolations(project.id)).toEqual([]);
      await Promise.all(
        views.map(async (view, i) => {
          if (!view) return;
          const row = await getAssignmentRow(view.id);
          expect(row.user_id).toBe(active[i].id);
          unitsByUser.get(active[i].id)!.push(row.unit_id);
          const result = await submitJudgment({ caller: active[i], assignmentId: view.id, input: pairwiseJudgment(randomPreference()) });
          expect(result.created).toBe(true);
        }),
      );
      expect(await findViolations(project.id)).toEqual([]);
      active = active.filter((_, i) => views[i] !== null);
    }
    await expectAllDone(project, unitsByUser);
  });

  it.each(["random", "active"] as const)("free-running with %s sampling, an auditor reading the counters throughout", async (sampling) => {
    const { project, annotators } = await setUp(sampling);
    const unitsByUser = new Map<string, string[]>(annotators.map((a) => [a.id, []]));
    const violations: string[] = [];
    let working = true;
    let audits = 0;
    const auditor = (async () => {
      while (working) {
        violations.push(...(await findViolations(project.id)));
        audits++;
      }
    })();
    await Promise.all(
      annotators.map(async (caller) => {
        for (let n = 0; n < ITEMS * 3 + 1; n++) {
          const view = await getNextAssignment({ caller, projectId: project.id });
          if (!view) return;
          unitsByUser.get(caller.id)!.push((await getAssignmentRow(view.id)).unit_id);
          await submitJudgment({ caller, assignmentId: view.id, input: pairwiseJudgment(randomPreference()) });
        }
        throw new Error(`annotator ${caller.id} was offered more units than exist`);
      }),
    ).finally(() => {
      working = false;
    });
    await auditor;
    expect(audits).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await expectAllDone(project, unitsByUser);
  });
});

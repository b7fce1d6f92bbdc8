import { describe, expect, it } from "vitest";
import { chooseUnitForProject } from "@/lib/assignment/choose-unit-for-project";
import type { TQueryable } from "@/lib/assignment/lease-unit";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { getPool } from "@/lib/db/client";
import { drainLearning } from "@/lib/ranking/schedule-learning";
import { rescoreProjectUnits } from "@/lib/ranking/rescore-project-units";
import { SERVING_BETA, SERVING_CANDIDATES, SERVING_TEMPERATURE } from "@/lib/ranking/serving-settings";
import { pairPriority, updatePosterior } from "@/lib/sampling";
import { createTestUsers } from "./helpers/create-test-user";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { listUnits } from "./helpers/db-queries";
import { activate, createActiveProject, getAssignmentMeta, judgeNext, loadPosteriors, loadPriorities } from "./active-helpers";

// Item 0's pair made settled: far apart with tiny variances, so its priority is ≈ 0.
async function settleFirstItem(projectId: string): Promise<string> {
  const { rows } = await getPool().query<{ id: string }>(
    `WITH first AS (SELECT id FROM items WHERE project_id = $1 AND external_id = 'item-0')
     UPDATE responses r SET mu = CASE WHEN r.position = 0 THEN 2 ELSE -2 END, sigma2 = 0.001
       FROM first WHERE r.item_id = first.id RETURNING first.id`,
    [projectId],
  );
  await rescoreProjectUnits({ projectId });
  return rows[0].id;
}

describe("active sampling: choosing", () => {
  it("serves an uncertain pair before a settled one and stores propensity and reason", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: 41 }));
    await activate(project);
    const settledItem = await settleFirstItem(project.id);
    const priorities = [...(await loadPriorities(project.id)).values()];
    const settled = priorities.find((u) => u.item_id === settledItem)!;
    expect(settled.priority).toBeLessThan(1e-6);
    expect(priorities.filter((u) => u.item_id !== settledItem).every((u) => u.priority > 0.3)).toBe(true);

    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    const meta = await getAssignmentMeta(view!.id);
    expect(meta.item_id).not.toBe(settledItem);
    expect(meta.reason).toBe("active");
    // ε = 0, no reserve, no gold: softmax over 32 equal priorities
    expect(meta.propensity).toBeCloseTo(1 / 32, 10);
  });

  it("draws by softmax over the candidates: with two left, the uncertain one at 1/(1 + e^(−1/T))", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: 2 }));
    await activate(project);
    const settledItem = await settleFirstItem(project.id);
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      const chosen = await chooseUnitForProject(client, {
        project: { id: project.id, mode: "pairwise", sampling: "active", goldRate: 0, epsilon: 0, reserveShare: 0 },
        userId: alice.id,
        random: () => 0.5,
      });
      const units = await listUnits(project.id);
      expect(units.find((u) => u.id === chosen!.unitId)!.item_id).not.toBe(settledItem);
      expect(chosen!.reason).toBe("active");
      expect(chosen!.propensity).toBeCloseTo(1 / (1 + Math.exp(-1 / SERVING_TEMPERATURE)), 3);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("an overlap draw on a project with no judged pair costs no per-rater read: it goes straight on to the active branch", async () => {
    const [alice, bob] = await createTestUsers(2);
    const project = await createActiveProject({ reserveShare: 1, epsilon: 0, members: [alice, bob] });
    await createTestItems(project, buildItems({ count: 3 }));
    await activate(project);
    const statements: string[] = [];
    const counting: TQueryable = {
      query: ((q: { name?: string; text: string; values?: unknown[] }) => {
        statements.push(q.name ?? q.text);
        return getPool().query(q);
      }) as TQueryable["query"],
    };
    const choose = (userId: string) =>
      chooseUnitForProject(counting, { project: { id: project.id, mode: "pairwise", sampling: "active", goldRate: 0, epsilon: 0, reserveShare: 1 }, userId, random: () => 0.5 });
    // the first choice reads the (empty) shared overlap list; the second finds it cached as read
    // empty (a background refresh of it, on a slow machine, would be the shared read again)
    expect((await choose(alice.id))!.reason).toBe("active");
    statements.length = 0;
    const chosen = await choose(bob.id);
    expect(chosen!.reason).toBe("active");
    expect(statements).toContain("lease-unit-unit");
    expect(statements).not.toContain("choose-overlap-top");
  });

  it("mixes in exploration (ε) and the overlap reserve, each with its own reason", async () => {
    const [alice, bob] = await createTestUsers(2);
    const project = await createActiveProject({ overlap: 2, epsilon: 1, reserveShare: 0, members: [alice, bob] });
    await createTestItems(project, buildItems({ count: 10 }));
    await activate(project);
    const explored = await judgeNext(alice, project.id, () => -1);
    expect(explored!.reason).toBe("explore");
    expect(explored!.propensity).toBeCloseTo(1 / 10, 10);

    await getPool().query("UPDATE projects SET epsilon = 0, reserve_share = 1 WHERE id = $1", [project.id]);
    const overlap = await judgeNext(bob, project.id, () => -1);
    // the only unit with a judgment is the one alice judged
    expect(overlap!.reason).toBe("overlap");
    expect(overlap!.unit_id).toBe(explored!.unit_id);
    expect(overlap!.propensity).toBeCloseTo(1, 10);
  });

  it("when every drawn top pair is held by other requests, a uniform eligible pair is served instead of nothing", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: SERVING_CANDIDATES + 6 }));
    await activate(project);
    // another transaction holds the row locks of every active candidate, as concurrent leases would
    const holder = await getPool().connect();
    try {
      await holder.query("BEGIN");
      const { rows: held } = await holder.query<{ id: string }>(
        `SELECT u.id FROM units u WHERE u.id IN (SELECT p.unit_id FROM unit_priorities p WHERE p.project_id = $1 AND p.is_open ORDER BY p.priority DESC, p.rand LIMIT $2) FOR UPDATE`,
        [project.id, SERVING_CANDIDATES],
      );
      expect(held).toHaveLength(SERVING_CANDIDATES);
      const view = await getNextAssignment({ caller: alice, projectId: project.id });
      expect(view).not.toBeNull();
      const meta = await getAssignmentMeta(view!.id);
      expect(meta.reason).toBe("explore");
      expect(held.map((h) => h.id)).not.toContain(meta.unit_id);
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
  });

  it("the shared top list is not filtered per rater: a rater who has had every pair on it gets the best one they have not had", async () => {
    const [alice, bob] = await createTestUsers(2);
    const project = await createActiveProject({ overlap: 2, members: [alice, bob] });
    await createTestItems(project, buildItems({ count: 4 * SERVING_CANDIDATES + 8 }));
    await activate(project);
    // bob's choice fills the process's shared list for the project
    expect(await getNextAssignment({ caller: bob, projectId: project.id })).not.toBeNull();
    const { rows: top } = await getPool().query<{ unit_id: string }>(
      "SELECT unit_id FROM unit_priorities WHERE project_id = $1 AND is_open ORDER BY priority DESC, rand LIMIT $2",
      [project.id, 4 * SERVING_CANDIDATES],
    );
    // alice skipped every pair the shared list can hold: each draw from it finds one she has had
    await getPool().query(
      `INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, propensity, reason, leased_at, expires_at)
       SELECT gen_random_uuid()::text, $1, u, $2, 'SKIPPED', '[]'::jsonb, 1, 'test', now(), now() FROM unnest($3::text[]) AS u`,
      [project.id, alice.id, top.map((t) => t.unit_id)],
    );
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    const meta = await getAssignmentMeta(view!.id);
    expect(top.map((t) => t.unit_id)).not.toContain(meta.unit_id);
    // from her own top list (the remaining 8 units), not the uniform fallback
    expect(meta.reason).toBe("active");
    expect(meta.propensity).toBeCloseTo(1 / 8, 10);
  });

  it("random sampling is unchanged: reason random, propensity 1/open units", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await getPool().query("UPDATE projects SET sampling = 'random' WHERE id = $1", [project.id]);
    await createTestItems(project, buildItems({ count: 5 }));
    const meta = await judgeNext(alice, project.id, () => 1);
    expect(meta!.reason).toBe("random");
    expect(meta!.propensity).toBeCloseTo(1 / 5, 10);
  });
});

describe("active sampling: learning from a judgment", () => {
  it("updates the two posteriors and re-prioritises only the judged item's pairs", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: 2, responses: 3 }));
    await activate(project);
    const before = await loadPosteriors(project.id);
    const prioritiesBefore = await loadPriorities(project.id);
    // all flat: N(0, 1) everywhere, every pair at the same priority
    expect([...before.values()].every((r) => r.mu === 0 && r.sigma2 === 1)).toBe(true);

    const meta = (await judgeNext(alice, project.id, () => -2))!; // the earlier response (A) clearly better
    const after = await loadPosteriors(project.id);
    const expected = updatePosterior({ i: { mean: 0, variance: 1 }, j: { mean: 0, variance: 1 }, outcome: 1, beta: SERVING_BETA, kappa: 1e-4 });
    expect(after.get(meta.response_a_id)!.mu).toBeCloseTo(expected.i.mean, 10);
    expect(after.get(meta.response_b_id)!.mu).toBeCloseTo(expected.j.mean, 10);
    expect(after.get(meta.response_a_id)!.mu).toBeGreaterThan(0);
    expect(after.get(meta.response_a_id)!.sigma2).toBeCloseTo(expected.i.variance, 10);
    expect(after.get(meta.response_a_id)!.sigma2).toBeLessThan(1);
    for (const [id, r] of after) {
      if (id !== meta.response_a_id && id !== meta.response_b_id) expect(r).toEqual(before.get(id));
    }

    const prioritiesAfter = await loadPriorities(project.id);
    const posteriorOf = (id: string) => ({ mean: after.get(id)!.mu, variance: after.get(id)!.sigma2 });
    for (const [id, unit] of prioritiesAfter) {
      if (unit.item_id !== meta.item_id) {
        expect(unit.priority).toBe(prioritiesBefore.get(id)!.priority);
        continue;
      }
      // K = 3: all 2K − 3 = 3 pairs touch the judged pair, each rescored with 1 label on the prompt
      const wanted = pairPriority({ i: posteriorOf(unit.a), j: posteriorOf(unit.b), beta: SERVING_BETA, labelsOnPrompt: 1 });
      expect(unit.priority).toBeCloseTo(wanted, 10);
      expect(unit.priority).not.toBe(prioritiesBefore.get(id)!.priority);
    }
  });

  it("a both-bad judgment leaves the posteriors alone", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: 1 }));
    await activate(project);
    const view = await getNextAssignment({ caller: alice, projectId: project.id });
    const { submitJudgment } = await import("@/lib/assignment/submit-judgment");
    await submitJudgment({ caller: alice, assignmentId: view!.id, input: { idempotencyKey: crypto.randomUUID(), bothBad: true } });
    await drainLearning();
    expect([...(await loadPosteriors(project.id)).values()].every((r) => r.mu === 0 && r.sigma2 === 1)).toBe(true);
  });

  it("escalation still adds a judgment to a disagreeing pair: overlap 2, cap 2 → target 3, a third annotator gets it", async () => {
    const [alice, bob, carol] = await createTestUsers(3);
    const project = await createActiveProject({ overlap: 2, escalationCap: 2, members: [alice, bob, carol] });
    await createTestItems(project, buildItems({ count: 1 }));
    await activate(project);
    const first = await judgeNext(alice, project.id, () => -3);
    const second = await judgeNext(bob, project.id, () => 3);
    expect(second!.unit_id).toBe(first!.unit_id);
    const [unit] = await listUnits(project.id);
    expect(unit).toMatchObject({ target: 3, judgment_count: 2, escalations: 1, open: true });
    const third = await judgeNext(carol, project.id, () => -1);
    expect(third!.unit_id).toBe(unit.id);
    expect((await listUnits(project.id))[0].judgment_count).toBe(3);
  });
});

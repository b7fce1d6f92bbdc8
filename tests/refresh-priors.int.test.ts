import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { importScores } from "@/lib/items/import-scores";
import { fitItemPosteriors } from "@/lib/ranking/fit-item-posteriors";
import { foldPendingJudgments } from "@/lib/ranking/fold-pending-judgments";
import { getPriorsStatus } from "@/lib/ranking/get-priors-status";
import { rebuildProjectPosteriors } from "@/lib/ranking/rebuild-project-posteriors";
import { refreshPriors } from "@/lib/ranking/refresh-priors";
import { loadProjectPriors } from "@/lib/ranking/load-project-priors";
import { resumePendingRefreshes } from "@/lib/ranking/resume-pending-refreshes";
import { drainLearning, setLearningPaused } from "@/lib/ranking/schedule-learning";
import { runPriorsRefresh } from "@/lib/ranking/run-priors-refresh";
import { awaitPriorsRefresh } from "@/lib/ranking/schedule-priors-refresh";
import { outcomeForA, SERVING_BETA } from "@/lib/ranking/serving-settings";
import { pairPriority, type Comparison } from "@/lib/sampling";
import { createTestUsers } from "./helpers/create-test-user";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { ndjson } from "./train-fixtures";
import { activate, createActiveProject, judgeNext, loadPosteriors, loadPriorities, type TAssignmentMeta } from "./active-helpers";

const SCORES = [1, 2, 3, 4];

// Two items of two responses, reward-model scores 1, 2 (item-0) and 3, 4 (item-1).
async function scoredProject() {
  const [alice, bob] = await createTestUsers(2);
  const project = await createActiveProject({ members: [alice, bob], overlap: 2 });
  await createTestItems(project, buildItems({ count: 2, responses: 2 }));
  const lines = SCORES.map((score, k) => ({ item: `item-${Math.floor(k / 2)}`, response: `r${k % 2}`, scores: { reward_model: score } }));
  await importScores({ projectId: project.id, actorId: project.owner.id, body: ndjson(lines) });
  return { project, alice, bob };
}

// Posteriors in import order: item-0's responses, then item-1's.
async function byPosition(projectId: string): Promise<Array<{ mu: number; sigma2: number }>> {
  const { rows } = await getPool().query<{ mu: number; sigma2: number }>(
    "SELECT r.mu, r.sigma2 FROM responses r JOIN items i ON i.id = r.item_id WHERE r.project_id = $1 ORDER BY i.external_id, r.position",
    [projectId],
  );
  return rows;
}

// Posteriors and priorities a refit must produce, from the pure functions fed by hand: each item's
// judgments (in time order) as comparisons, the priors from the scores.
async function expectedRefit(projectId: string, judged: Array<{ meta: TAssignmentMeta; canonical: number }>) {
  const priors = await loadProjectPriors(projectId);
  const responses = [...(await loadPosteriors(projectId))];
  const expected = new Map<string, { mean: number; variance: number }>();
  for (const itemId of new Set(responses.map(([, r]) => r.item_id))) {
    const ids = responses.filter(([, r]) => r.item_id === itemId).sort((a, b) => a[1].position - b[1].position).map(([id]) => id);
    const comparisons: Comparison[] = judged
      .filter((j) => j.meta.item_id === itemId)
      .map((j) => ({ i: ids.indexOf(j.meta.response_a_id), j: ids.indexOf(j.meta.response_b_id), outcome: outcomeForA(j.canonical) }));
    fitItemPosteriors({ priors: ids.map((id) => priors.get(id)!), comparisons }).forEach((p, k) => expected.set(ids[k], p));
  }
  return expected;
}

describe("refreshPriors", () => {
  it("priors from the scores, by hand: μ₀ = 0.5·z, σ₀² = 0.75, priority Φ(−gap/√V)·V/(V + 2β²)", async () => {
    const { project } = await scoredProject();
    await awaitPriorsRefresh(project.id);
    // z over the project: (score − 2.5)/√1.25 = ∓1.342, ∓0.447; μ₀ = 0.5·z
    const mus = (await byPosition(project.id)).map((r) => r.mu);
    [-0.67082, -0.22361, 0.22361, 0.67082].forEach((mu, k) => expect(mus[k]).toBeCloseTo(mu, 5));
    for (const r of await byPosition(project.id)) expect(r.sigma2).toBeCloseTo(0.75, 12);
    // each pair: gap 0.44721, V = 1.5, Φ(−0.36515) = 0.35750, × 1.5/2.22 → 0.24155 (no labels yet)
    for (const unit of (await loadPriorities(project.id)).values()) expect(unit.priority).toBeCloseTo(0.24155, 5);
  });

  it("folds the judgments back in: each item's posterior is fitItemPosteriors of its prior and judgments, each pair rescored", async () => {
    const { project, alice, bob } = await scoredProject();
    await awaitPriorsRefresh(project.id);
    const judged: Array<{ meta: TAssignmentMeta; canonical: number }> = [];
    for (const [caller, canonical] of [[alice, -2], [bob, 1], [alice, 3]] as const) {
      const meta = await judgeNext(caller, project.id, () => canonical);
      if (meta) judged.push({ meta, canonical });
    }
    expect(judged).toHaveLength(3);
    const result = await refreshPriors({ projectId: project.id });
    expect(result).toMatchObject({ items: 2 });

    const expected = await expectedRefit(project.id, judged);
    const posteriors = await loadPosteriors(project.id);
    for (const [id, p] of expected) {
      expect(posteriors.get(id)!.mu).toBeCloseTo(p.mean, 12);
      expect(posteriors.get(id)!.sigma2).toBeCloseTo(p.variance, 12);
    }
    const labels = new Map<string, number>();
    for (const j of judged) labels.set(j.meta.item_id, (labels.get(j.meta.item_id) ?? 0) + 1);
    for (const unit of (await loadPriorities(project.id)).values()) {
      const wanted = pairPriority({ i: expected.get(unit.a)!, j: expected.get(unit.b)!, beta: SERVING_BETA, labelsOnPrompt: labels.get(unit.item_id) ?? 0 });
      expect(unit.priority).toBeCloseTo(wanted, 12);
    }
    // nothing left to change: a second refresh writes no row
    expect(await refreshPriors({ projectId: project.id })).toMatchObject({ responsesChanged: 0, unitsRescored: 0 });
  });

  it("a judgment committed between the read and the writes is folded in, not overwritten", async () => {
    const [alice, bob] = await createTestUsers(2);
    const project = await createActiveProject({ members: [alice, bob], overlap: 2 });
    await createTestItems(project, buildItems({ count: 1, responses: 3 }));
    await activate(project);
    await judgeNext(alice, project.id, () => -2);
    let concurrent: TAssignmentMeta | null = null;
    const result = await rebuildProjectPosteriors({
      projectId: project.id,
      mode: "refit",
      onSnapshot: async () => {
        concurrent = await judgeNext(bob, project.id, () => 3);
      },
    });
    expect(concurrent).not.toBeNull();
    expect(result).toMatchObject({ items: 1, itemsRedone: 1 });
    // had the snapshot's values (alice's judgment only) been written over bob's online update,
    // refitting again would move them
    expect(await refreshPriors({ projectId: project.id })).toMatchObject({ responsesChanged: 0, unitsRescored: 0, itemsRedone: 0 });
  });

  it("a judgment queued before the read is counted once (the refit takes it off the queue); one queued after is folded in on top", async () => {
    const [alice, bob] = await createTestUsers(2);
    const project = await createActiveProject({ members: [alice, bob], overlap: 2 });
    await createTestItems(project, buildItems({ count: 1, responses: 3 }));
    await activate(project);
    const queued = async () =>
      (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM learning_queue q JOIN judgments j ON j.id = q.judgment_id WHERE j.project_id = $1", [project.id])).rows[0].n;
    // this process's learner held, so both judgments stay queued until drained
    setLearningPaused(true);
    let bobs: TAssignmentMeta | null = null;
    let refitted: Awaited<ReturnType<typeof loadPosteriors>>;
    try {
      await judgeNext(alice, project.id, () => -2, { learn: false });
      expect(await queued()).toBe(1);
      await rebuildProjectPosteriors({
        projectId: project.id,
        mode: "refit",
        onSnapshot: async () => {
          bobs = await judgeNext(bob, project.id, () => 3, { learn: false });
        },
      });
      // alice's was counted by the refit; bob's, committed after its read, waits for the learner
      expect(await queued()).toBe(1);
      refitted = await loadPosteriors(project.id);
    } finally {
      setLearningPaused(false);
    }
    await drainLearning();
    expect(await queued()).toBe(0);
    // the learner folded in bob's judgment alone on top of the refit (alice's again would differ)
    const b = bobs as unknown as TAssignmentMeta;
    const wanted = foldPendingJudgments({
      responses: [...refitted.entries()].map(([id, r]) => ({ id, itemId: r.item_id, mu: r.mu, sigma2: r.sigma2 })),
      units: [],
      judgments: [{ itemId: b.item_id, a: b.response_a_id, b: b.response_b_id, pref: 3 }],
    });
    const final = await loadPosteriors(project.id);
    expect(wanted.responses.ids).toHaveLength(2);
    wanted.responses.ids.forEach((id, k) => {
      expect(final.get(id)!.mu).toBeCloseTo(wanted.responses.mu[k], 12);
      expect(final.get(id)!.sigma2).toBeCloseTo(wanted.responses.sigma2[k], 12);
    });
  });
});

describe("the background refresh", () => {
  it("a score upload returns with the refresh pending; serving keeps the old priorities until it runs", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: 2, responses: 2 }));
    await activate(project);
    const before = await loadPriorities(project.id);

    // another process holding the project's refresh lock: the run scheduled by the upload leaves it to that one
    const holder = await getPool().connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext('refresh-priors'), hashtext($1))", [project.id]);
      const lines = SCORES.map((score, k) => ({ item: `item-${Math.floor(k / 2)}`, response: `r${k % 2}`, scores: { reward_model: score } }));
      expect(await importScores({ projectId: project.id, actorId: project.owner.id, body: ndjson(lines) })).toEqual({ updated: 4 });
      await awaitPriorsRefresh(project.id);
      expect((await getPriorsStatus(project.id)).status).toBe("running");
      expect(await loadPriorities(project.id)).toEqual(before);
      await holder.query("SELECT pg_advisory_unlock(hashtext('refresh-priors'), hashtext($1))", [project.id]);
    } finally {
      holder.release();
    }
    expect((await getPriorsStatus(project.id)).status).toBe("pending");

    // the next server start picks it up
    expect(await resumePendingRefreshes()).toContain(project.id);
    await awaitPriorsRefresh(project.id);
    const status = await getPriorsStatus(project.id);
    expect(status).toMatchObject({ status: "done", items: 2, unitsRescored: 2 });
    for (const unit of (await loadPriorities(project.id)).values()) expect(unit.priority).toBeCloseTo(0.24155, 5);
  });

  it("a run that died mid-way shows as pending and is retried; two runs at once do the work once", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await createTestItems(project, buildItems({ count: 3, responses: 3 }));
    await activate(project);
    await getPool().query("UPDATE prior_refreshes SET status = 'running', request_seq = request_seq + 1 WHERE project_id = $1", [project.id]);
    expect((await getPriorsStatus(project.id)).status).toBe("pending");

    const outcomes = await Promise.all([runPriorsRefresh({ projectId: project.id }), runPriorsRefresh({ projectId: project.id })]);
    expect(outcomes.filter((o) => o === "ran")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ran")[0]).toMatch(/busy|nothing-pending/);
    expect(await getPriorsStatus(project.id)).toMatchObject({ status: "done", items: 3 });
  });

  it("random projects never ask for one", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice] });
    await getPool().query("UPDATE projects SET sampling = 'random' WHERE id = $1", [project.id]);
    await createTestItems(project, buildItems({ count: 1 }));
    await importScores({ projectId: project.id, actorId: project.owner.id, body: ndjson([{ item: "item-0", response: "r0", scores: { rm: 1 } }]) });
    expect((await getPriorsStatus(project.id)).status).toBe("none");
  });
});

import { describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/auth/caller";
import { getProjectQueue } from "@/lib/ranking/get-project-queue";
import { getProjectRankings } from "@/lib/ranking/get-project-rankings";
import { getConfidenceCurve } from "@/lib/ranking/get-confidence-curve";
import { refitProject } from "@/lib/ranking/refit-project";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { GET as getRankingsRoute } from "@/app/api/v1/projects/[id]/rankings/route";
import { createTestUser, createTestUsers } from "./helpers/create-test-user";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { expectAppError } from "./helpers/expect-app-error";
import { activate, createActiveProject, judgeNext, loadPosteriors } from "./active-helpers";

// Three items of three responses (model-0, model-1, model-2). Items 0 and 1 are judged in import
// order (r0 > r1 > r2), item 2 reversed (r2 > r1 > r0): every pair of every item once.
async function judgedProject(opts: { sampling: "active" | "random" }) {
  const [alice] = await createTestUsers(1);
  const project = await createActiveProject({ members: [alice], epsilon: 0.1 });
  await createTestItems(project, buildItems({ count: 3, responses: 3 }));
  await activate(project);
  const positions = await loadPosteriors(project.id);
  const { getPool } = await import("@/lib/db/client");
  // unweighted leaderboard under random sampling, so the designed model order is exact
  if (opts.sampling === "random") await getPool().query("UPDATE projects SET sampling = 'random' WHERE id = $1", [project.id]);
  const { rows } = await getPool().query<{ id: string; external_id: string }>("SELECT id, external_id FROM items WHERE project_id = $1", [project.id]);
  const reversed = rows.find((r) => r.external_id === "item-2")!.id;
  for (let k = 0; k < 9; k++) {
    const meta = await judgeNext(alice, project.id, (m) => (m.item_id === reversed ? 2 : -2));
    expect(meta, `assignment ${k}`).not.toBeNull();
  }
  expect(positions.size).toBe(9);
  return { project, alice };
}

async function callRoute(caller: TCaller, projectId: string): Promise<Response> {
  const { secret } = await createApiToken({ userId: caller.id });
  const request = new Request(`http://localhost/api/v1/projects/${projectId}/rankings`, { headers: { authorization: `Bearer ${secret}` } });
  return getRankingsRoute(request, { params: Promise.resolve({ id: projectId }) });
}

describe("GET /api/v1/projects/{id}/rankings", () => {
  it("ranks each item's responses best first and the models with 95 % intervals", async () => {
    const { project } = await judgedProject({ sampling: "random" });
    const response = await callRoute(project.owner, project.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    // the contract's fields, plus the priors refresh status (docs/api-extensions.md)
    expect(Object.keys(body).sort()).toEqual(["items", "models", "priors"]);
    expect(body.priors).toMatchObject({ status: "done", items: 3 });
    expect(body.items.map((i: { item: string }) => i.item)).toEqual(["item-0", "item-1", "item-2"]);
    for (const item of body.items) {
      for (const r of item.responses) {
        expect(Object.keys(r).sort()).toEqual(["id", "judgments", "model", "score", "sd"]);
        expect(r.judgments).toBe(2);
        expect(r.sd).toBeGreaterThan(0);
      }
      const scores = item.responses.map((r: { score: number }) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(body.items[0].responses.map((r: { id: string }) => r.id)).toEqual(["r0", "r1", "r2"]);
    expect(body.items[2].responses.map((r: { id: string }) => r.id)).toEqual(["r2", "r1", "r0"]);
    expect(body.items[2].responses[0].model).toBe("model-2");

    // each model pair met three times, the import-order winner twice: model-0 > model-1 > model-2
    expect(body.models.map((m: { model: string }) => m.model)).toEqual(["model-0", "model-1", "model-2"]);
    for (const m of body.models) {
      expect(Object.keys(m).sort()).toEqual(["ci95", "judgments", "model", "score"]);
      expect(m.judgments).toBe(6);
      expect(m.ci95[0]).toBeLessThanOrEqual(m.score);
      expect(m.ci95[1]).toBeGreaterThanOrEqual(m.score);
    }
  });

  it("refuses annotators with 403, also members of the project", async () => {
    const { project, alice } = await judgedProject({ sampling: "active" });
    expect((await callRoute(alice, project.id)).status).toBe(403);
    const outsider = await createTestUser({ role: "ANNOTATOR" });
    expect((await callRoute(outsider, project.id)).status).toBe(403);
    await expectAppError(getProjectRankings({ caller: alice, projectId: project.id }), "forbidden");
    await expectAppError(getProjectQueue({ caller: alice, projectId: project.id }), "forbidden");
  });

  it("the queue lists open pairs by priority with the reason; the curve and the refit run on the same data", async () => {
    const { project } = await judgedProject({ sampling: "active" });
    const trainer = project.owner;
    const queue = await getProjectQueue({ caller: trainer, projectId: project.id });
    expect(queue.sampling).toBe("active");
    // overlap 1: every pair judged once, nothing left open
    expect(queue.units).toEqual([]);

    const curve = await getConfidenceCurve({ caller: trainer, projectId: project.id });
    expect(curve[0]).toMatchObject({ labels: 0 });
    expect(curve.at(-1)!.labels).toBe(9);
    expect(curve.at(-1)!.meanCorrectOrderProbability).toBeGreaterThan(curve[0].meanCorrectOrderProbability);
    expect(curve.at(-1)!.meanSd).toBeLessThan(curve[0].meanSd);

    const refit = await refitProject({ caller: trainer, projectId: project.id });
    expect(refit).toMatchObject({ skipped: false, items: 3 });
    const posteriors = [...(await loadPosteriors(project.id)).values()];
    for (const itemId of new Set(posteriors.map((r) => r.item_id))) {
      const list = posteriors.filter((r) => r.item_id === itemId).sort((a, b) => a.position - b.position);
      // refitted from the designed judgments: a strict order in each item, reversed for one of them
      const isAscending = list[0].mu < list[1].mu && list[1].mu < list[2].mu;
      const isDescending = list[0].mu > list[1].mu && list[1].mu > list[2].mu;
      expect(isAscending || isDescending).toBe(true);
    }
  });

  it("shows the next pairs with their posterior gap, σ's and labels on the prompt", async () => {
    const [alice] = await createTestUsers(1);
    const project = await createActiveProject({ members: [alice], overlap: 2 });
    await createTestItems(project, buildItems({ count: 3, responses: 3 }));
    await activate(project);
    await judgeNext(alice, project.id, () => -2);
    const queue = await getProjectQueue({ caller: project.owner, projectId: project.id, limit: 20 });
    expect(queue.units).toHaveLength(9);
    const priorities = queue.units.map((u) => u.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const judgedPrompt = queue.units.filter((u) => u.labelsOnPrompt === 1);
    expect(judgedPrompt).toHaveLength(3);
    for (const u of queue.units) {
      expect(u.reason).toMatch(/label/);
      expect(u.sigmaA).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import { SERVING_BETA } from "@/lib/ranking/serving-settings";
import { foldPendingJudgments } from "@/lib/ranking/fold-pending-judgments";
import { refreshPriors } from "@/lib/ranking/refresh-priors";
import { drainLearning } from "@/lib/ranking/schedule-learning";
import { pairPriority } from "@/lib/sampling";
import { createTestUsers } from "./helpers/create-test-user";
import { buildItems, createTestItems } from "./helpers/create-test-items";
import { createTestProject } from "./helpers/create-test-project";
import { pairwiseJudgment } from "./helpers/judgment-input";

// An actively sampled pair's judgment joins the learning queue in its own statement; the learner
// folds the queue into the posteriors in queue order. Judgments arriving at once on one item end
// as some serial order of their updates: none lost, none applied twice.

type TItemPosterior = { id: string; mu: number; sigma2: number };
type TMeta = { assignmentId: string; unitId: string; a: string; b: string; slotA: string };

async function activeProject(annotators: number, items: number) {
  const members = await createTestUsers(annotators);
  const project = await createTestProject({ overlap: 1, members });
  await getPool().query("UPDATE projects SET sampling = 'active', epsilon = 0, reserve_share = 0, gold_rate = 0 WHERE id = $1", [project.id]);
  await createTestItems(project, buildItems({ count: items, responses: 3 }));
  await refreshPriors({ projectId: project.id });
  return { project, members };
}

async function itemPosteriors(itemId: string): Promise<TItemPosterior[]> {
  const { rows } = await getPool().query<TItemPosterior>("SELECT id, mu, sigma2 FROM responses WHERE item_id = $1 ORDER BY position, id", [itemId]);
  return rows;
}

async function metaOf(assignmentId: string): Promise<TMeta & { itemId: string }> {
  const { rows } = await getPool().query<TMeta & { itemId: string }>(
    `SELECT a.id AS "assignmentId", u.id AS "unitId", u.response_a_id AS a, u.response_b_id AS b, a.slot_order->>0 AS "slotA", u.item_id AS "itemId"
       FROM assignments a JOIN units u ON u.id = a.unit_id WHERE a.id = $1`,
    [assignmentId],
  );
  return rows[0];
}

// display preference −2 on slot A: canonical −2 when A is shown on the left, +2 when flipped
const canonicalOf = (m: TMeta) => (m.slotA === m.a ? -2 : 2);

function applyInOrder(start: TItemPosterior[], judged: TMeta[]): TItemPosterior[] {
  const folded = foldPendingJudgments({
    responses: start.map((r) => ({ ...r, itemId: "item" })),
    units: [],
    judgments: judged.map((m) => ({ itemId: "item", a: m.a, b: m.b, pref: canonicalOf(m) })),
  });
  return start.map((r) => {
    const k = folded.responses.ids.indexOf(r.id);
    return k < 0 ? r : { id: r.id, mu: folded.responses.mu[k], sigma2: folded.responses.sigma2[k] };
  });
}

const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest])));

describe("online posterior updates on one item", () => {
  it("three judgments of one item's three pairs at once end in the posteriors of one serial order", async () => {
    for (let round = 0; round < 4; round++) {
      // one item of three responses, three annotators, overlap 1: each leases one of its pairs
      const { project, members } = await activeProject(3, 1);
      const views = await Promise.all(members.map((caller) => getNextAssignment({ caller, projectId: project.id })));
      const metas = await Promise.all(views.map((v) => metaOf(v!.id)));
      expect(new Set(metas.map((m) => m.unitId)).size).toBe(3);
      const start = await itemPosteriors(metas[0].itemId);

      await Promise.all(metas.map((m, k) => submitJudgment({ caller: members[k], assignmentId: m.assignmentId, input: pairwiseJudgment(-2) })));
      await drainLearning();

      const final = await itemPosteriors(metas[0].itemId);
      const orders = permutations(metas).map((order) => applyInOrder(start, order));
      const matches = orders.some((expected) => expected.every((r, k) => Math.abs(r.mu - final[k].mu) < 1e-12 && Math.abs(r.sigma2 - final[k].sigma2) < 1e-12));
      expect(matches, `round ${round}: the final posteriors match no serial order of the three updates`).toBe(true);
      const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM judgments WHERE project_id = $1", [project.id]);
      expect(rows[0].n).toBe(3);
    }
  });

  it("a judgment of a pair and a lease that closes the same pair, at the same moment, never deadlock", async () => {
    // The judgment (marking the pair judged) and the lease (closing it) both write the pair's
    // priority row from the units trigger; each must hold the unit row first. The collision is a
    // race: when the judgment still rescored the priority row itself, before its unit row, 40
    // rounds met a deadlock by round 12 and round 16; 60 are run.
    for (let round = 0; round < 60; round++) {
      const members = await createTestUsers(2);
      const project = await createTestProject({ overlap: 2, members });
      await getPool().query("UPDATE projects SET sampling = 'active', epsilon = 0, reserve_share = 0, gold_rate = 0 WHERE id = $1", [project.id]);
      await createTestItems(project, buildItems({ count: 1, responses: 2 }));
      await refreshPriors({ projectId: project.id });
      const view = await getNextAssignment({ caller: members[0], projectId: project.id });
      const [judged, leased] = await Promise.allSettled([
        submitJudgment({ caller: members[0], assignmentId: view!.id, input: pairwiseJudgment(-2), retryDeadlocks: false }),
        getNextAssignment({ caller: members[1], projectId: project.id }),
      ]);
      const failures = [judged, leased].flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
      // (bob may get nothing: a lease skips the pair while the judgment holds its row)
      expect(failures, `round ${round}`).toEqual([]);
    }
  });

  it("the learner folds a judgment in on its own, shortly after the submit, and rescores the item's pairs", async () => {
    const { project, members } = await activeProject(1, 1);
    const view = await getNextAssignment({ caller: members[0], projectId: project.id });
    const meta = await metaOf(view!.id);
    const start = await itemPosteriors(meta.itemId);
    await submitJudgment({ caller: members[0], assignmentId: meta.assignmentId, input: pairwiseJudgment(-2) });
    // no drain: the learner scheduled by the submit runs by itself (~200 ms later; waited for up to 20 s)
    let final = await itemPosteriors(meta.itemId);
    for (let tries = 0; tries < 400 && final.every((r, k) => r.mu === start[k].mu); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      final = await itemPosteriors(meta.itemId);
    }
    expect(final).toEqual(applyInOrder(start, [meta]).map((r) => expect.objectContaining({ id: r.id, mu: expect.closeTo(r.mu, 12), sigma2: expect.closeTo(r.sigma2, 12) })));
    const { rows } = await getPool().query<{ a: string; b: string; priority: number }>(
      "SELECT u.response_a_id AS a, u.response_b_id AS b, p.priority FROM units u JOIN unit_priorities p ON p.unit_id = u.id WHERE u.item_id = $1",
      [meta.itemId],
    );
    const posterior = (id: string) => ({ mean: final.find((r) => r.id === id)!.mu, variance: final.find((r) => r.id === id)!.sigma2 });
    // K = 3: every pair touches the judged one, rescored with 1 label on the prompt
    for (const unit of rows) expect(unit.priority).toBeCloseTo(pairPriority({ i: posterior(unit.a), j: posterior(unit.b), beta: SERVING_BETA, labelsOnPrompt: 1 }), 10);
    const { rows: left } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM learning_queue WHERE item_id = $1", [meta.itemId]);
    expect(left[0].n).toBe(0);
  });
});

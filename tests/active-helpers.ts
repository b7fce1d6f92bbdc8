import type { TCaller } from "@/lib/auth/caller";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import { drainLearning } from "@/lib/ranking/schedule-learning";
import { getPriorsStatus } from "@/lib/ranking/get-priors-status";
import { requestPriorsRefresh } from "@/lib/ranking/request-priors-refresh";
import { awaitPriorsRefresh, schedulePriorsRefresh } from "@/lib/ranking/schedule-priors-refresh";
import { createTestProject, type TTestProject } from "./helpers/create-test-project";
import { pairwiseJudgment } from "./helpers/judgment-input";

export type TAssignmentMeta = { id: string; unit_id: string; slot_order: string[]; propensity: number; reason: string; response_a_id: string; response_b_id: string; item_id: string };

/** A pairwise project switched to active sampling with the given policy (the create API only takes random). */
export async function createActiveProject(opts: { overlap?: number; escalationCap?: number; epsilon?: number; reserveShare?: number; members: TCaller[] }): Promise<TTestProject> {
  const project = await createTestProject({ overlap: opts.overlap ?? 1, escalationCap: opts.escalationCap, members: opts.members });
  await getPool().query("UPDATE projects SET sampling = 'active', epsilon = $2, reserve_share = $3 WHERE id = $1", [project.id, opts.epsilon ?? 0, opts.reserveShare ?? 0]);
  return project;
}

/**
 * Priors and priorities as the app computes them once sampling turns active: the refresh is asked
 * for and run in the background (as after an import or a settings change), and awaited here.
 */
export async function activate(project: TTestProject): Promise<void> {
  await requestPriorsRefresh(getPool(), project.id);
  schedulePriorsRefresh(project.id);
  await awaitPriorsRefresh(project.id);
  const { status } = await getPriorsStatus(project.id);
  if (status !== "done") throw new Error(`priors refresh of ${project.id} ended ${status}`);
}

export async function getAssignmentMeta(assignmentId: string): Promise<TAssignmentMeta> {
  const { rows } = await getPool().query<TAssignmentMeta>(
    `SELECT a.id, a.unit_id, a.slot_order, a.propensity, a.reason, u.response_a_id, u.response_b_id, u.item_id
       FROM assignments a JOIN units u ON u.id = a.unit_id WHERE a.id = $1`,
    [assignmentId],
  );
  return rows[0];
}

/**
 * Fetches the caller's next pair and judges it in the pair's own orientation: `decide` returns the
 * canonical preference (negative = the earlier response, A, is better), turned to display slots
 * here. Then waits for the learner to fold it in, unless `learn` is false (it stays queued).
 */
export async function judgeNext(caller: TCaller, projectId: string, decide: (meta: TAssignmentMeta) => number, opts: { learn?: boolean } = {}): Promise<TAssignmentMeta | null> {
  const view = await getNextAssignment({ caller, projectId });
  if (!view) return null;
  const meta = await getAssignmentMeta(view.id);
  const canonical = decide(meta);
  const isFlipped = meta.slot_order[0] !== meta.response_a_id;
  await submitJudgment({ caller, assignmentId: view.id, input: pairwiseJudgment(isFlipped ? -canonical || 0 : canonical) });
  if (opts.learn !== false) await drainLearning();
  return meta;
}

export async function loadPosteriors(projectId: string): Promise<Map<string, { mu: number; sigma2: number; item_id: string; position: number }>> {
  const { rows } = await getPool().query<{ id: string; mu: number; sigma2: number; item_id: string; position: number }>(
    "SELECT id, mu, sigma2, item_id, position FROM responses WHERE project_id = $1",
    [projectId],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadPriorities(projectId: string): Promise<Map<string, { priority: number; item_id: string; a: string; b: string }>> {
  const { rows } = await getPool().query<{ id: string; priority: number; item_id: string; a: string; b: string }>(
    "SELECT u.id, p.priority, u.item_id, u.response_a_id AS a, u.response_b_id AS b FROM units u JOIN unit_priorities p ON p.unit_id = u.id WHERE u.project_id = $1",
    [projectId],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { normalCdf } from "@/lib/sampling";
import { SERVING_CANDIDATES, SERVING_TEMPERATURE } from "./serving-settings";
import type { TQueue, TQueueEntry } from "./schemas";

type TRow = {
  id: string; item: string; a: string; b: string; model_a: string; model_b: string; priority: number;
  mu_a: number; mu_b: number; s2_a: number; s2_b: number; judgment_count: number; target: number; labels: number;
};

// The same index scan the active sampler starts from (no rater filter, no locks).
const QUEUE_SQL = `
  SELECT u.id, i.external_id AS item, ra.external_id AS a, rb.external_id AS b, ra.model AS model_a, rb.model AS model_b,
         u.priority, ra.mu AS mu_a, rb.mu AS mu_b, ra.sigma2 AS s2_a, rb.sigma2 AS s2_b, u.judgment_count, u.target,
         (SELECT COALESCE(sum(x.judgment_count), 0)::int FROM units x WHERE x.item_id = u.item_id) AS labels
    FROM (SELECT x.*, p.priority FROM unit_priorities p JOIN units x ON x.id = p.unit_id
           WHERE p.project_id = $1 AND p.is_open ORDER BY p.priority DESC, p.rand LIMIT $2) u
    JOIN items i ON i.id = u.item_id JOIN responses ra ON ra.id = u.response_a_id JOIN responses rb ON rb.id = u.response_b_id
   ORDER BY u.priority DESC, u.rand`;

/** What the active sampler would serve next and why (GET /api/v1/projects/{id}/queue). Staff only. */
export async function getProjectQueue(opts: { caller: TCaller; projectId: string; limit?: number }): Promise<TQueue> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const pool = getPool();
  const { rows: projects } = await pool.query<{ mode: string; sampling: string; epsilon: number; reserve_share: number; gold_rate: number }>(
    "SELECT mode, sampling, epsilon, reserve_share, gold_rate FROM projects WHERE id = $1",
    [opts.projectId],
  );
  const project = projects[0];
  if (!project) throw new AppError("not_found", "No such project");
  const policy = { epsilon: project.epsilon, reserveShare: project.reserve_share, goldRate: project.gold_rate, candidates: SERVING_CANDIDATES, temperature: SERVING_TEMPERATURE };
  if (project.mode !== "pairwise") return { sampling: project.sampling, policy, units: [] };
  const { rows } = await pool.query<TRow>(QUEUE_SQL, [opts.projectId, opts.limit ?? 20]);
  return { sampling: project.sampling, policy, units: rows.map(toEntry) };
}

function toEntry(row: TRow): TQueueEntry {
  const gap = row.mu_a - row.mu_b;
  const spread = row.s2_a + row.s2_b;
  const misorder = normalCdf(-Math.abs(gap) / Math.sqrt(spread));
  const closeness = misorder > 0.35 ? "order still a coin flip" : misorder > 0.15 ? "order in doubt" : "order fairly clear";
  const reason =
    `${closeness} (P(wrong order) ${(misorder * 100).toFixed(0)} %, gap ${gap.toFixed(2)}, σ ${Math.sqrt(row.s2_a).toFixed(2)} / ${Math.sqrt(row.s2_b).toFixed(2)}); ` +
    `${row.labels} label${row.labels === 1 ? "" : "s"} on this prompt so far` +
    (row.judgment_count > 0 ? `; pair has ${row.judgment_count} of ${row.target} judgments` : "");
  return {
    unitId: row.id, item: row.item, responses: [row.a, row.b], models: [row.model_a, row.model_b], priority: row.priority,
    gap, sigmaA: Math.sqrt(row.s2_a), sigmaB: Math.sqrt(row.s2_b), misorderProbability: misorder,
    labelsOnPrompt: row.labels, judgments: row.judgment_count, target: row.target, reason,
  };
}

import "server-only";
import { getPool } from "@/lib/db/client";
import type { Posterior } from "@/lib/sampling";
import { parseStoredScores, priorsFromSignals } from "./priors-from-signals";

/**
 * μ₀, σ₀² per response from the trainer's model scores and test pass rates (priorsFromSignals
 * over the whole project, in the order a rebuild reads them, so both give the same bits); a
 * response missing from the map has the flat prior N(0, 1).
 */
export async function loadProjectPriors(projectId: string): Promise<Map<string, Posterior>> {
  const { rows } = await getPool().query<{ id: string; scores: unknown; passed: number | null; total: number | null }>(
    `SELECT id, scores, tests_passed AS passed, tests_total AS total FROM responses
      WHERE project_id = $1 AND (scores IS NOT NULL OR tests_total > 0) ORDER BY item_id, position, id`,
    [projectId],
  );
  return priorsFromSignals({
    ids: rows.map((r) => r.id),
    scores: rows.map((r) => parseStoredScores(r.scores)),
    passed: rows.map((r) => r.passed),
    total: rows.map((r) => r.total),
  });
}

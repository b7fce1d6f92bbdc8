import "server-only";
import { getPool } from "@/lib/db/client";
import { modelPrior, type Posterior } from "@/lib/sampling";

// Each named score z-scored across the project (scorers' scales are arbitrary), averaged per
// response; responses with neither a score nor a test result are left out (flat prior).
const SIGNALS_SQL = `
  WITH s AS (
    SELECT r.id, e.key, (e.value #>> '{}')::float8 AS v
      FROM responses r, jsonb_each(COALESCE(r.scores, '{}'::jsonb)) e
     WHERE r.project_id = $1 AND jsonb_typeof(e.value) = 'number'
  ), st AS (
    SELECT key, avg(v) AS m, stddev_pop(v) AS sd FROM s GROUP BY key
  ), z AS (
    SELECT s.id, avg((s.v - st.m) / st.sd) AS z FROM s JOIN st USING (key) WHERE st.sd > 1e-12 GROUP BY s.id
  )
  SELECT r.id, z.z, r.tests_passed AS passed, r.tests_total AS total
    FROM responses r LEFT JOIN z ON z.id = r.id
   WHERE r.project_id = $1 AND (z.z IS NOT NULL OR r.tests_total > 0)`;

/**
 * μ₀, σ₀² per response from the trainer's model scores and test pass rates (modelPrior over the
 * whole project); a response missing from the map has the flat prior N(0, 1).
 */
export async function loadProjectPriors(projectId: string): Promise<Map<string, Posterior>> {
  const { rows } = await getPool().query<{ id: string; z: number | null; passed: number | null; total: number | null }>(SIGNALS_SQL, [projectId]);
  if (!rows.length) return new Map();
  const priors = modelPrior({
    count: rows.length,
    modelScores: rows.map((r) => r.z),
    testResults: rows.map((r) => (r.total !== null && r.total > 0 ? { passed: Math.min(r.passed ?? 0, r.total), total: r.total } : null)),
  });
  return new Map(rows.map((r, k) => [r.id, priors[k]]));
}

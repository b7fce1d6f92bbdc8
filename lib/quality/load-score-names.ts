import "server-only";
import { getPool } from "@/lib/db/client";

/** The names of the score sets uploaded for the project's responses (e.g. "reward_model"). */
export async function loadScoreNames(opts: { projectId: string }): Promise<string[]> {
  const { rows } = await getPool().query<{ name: string }>(
    `SELECT DISTINCT s.name FROM responses r, jsonb_each(r.scores) AS s(name, value)
      WHERE r.project_id = $1 AND jsonb_typeof(r.scores) = 'object' AND jsonb_typeof(s.value) = 'number'
      ORDER BY s.name LIMIT 100`,
    [opts.projectId],
  );
  return rows.map((r) => r.name);
}

import { getPool } from "@/lib/db/client";

// EXPLAIN ANALYZE of the random strategy's pick for one annotator (inside a rolled-back
// transaction: the query takes row locks).
export async function explainChoose(opts: { projectId: string; userId: string }): Promise<string> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS, TIMING)
       SELECT u.id FROM units u WHERE u.project_id = $1 AND u.open AND NOT u.is_gold
          AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)
          AND u.rand >= $3 AND u.rand < 1.1
        ORDER BY u.rand LIMIT 1 FOR UPDATE OF u SKIP LOCKED`,
      [opts.projectId, opts.userId, Math.random()],
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

// EXPLAIN (ANALYZE, BUFFERS, WAL) of the statements one active iteration runs (lease, then the
// judgment write, queueing it for the learner with --learns), on the bench database, inside a
// transaction that is rolled back. cj_bench_active is the copy bench/active-latency.ts leaves
// behind after its last (active) mode.
//   npx tsx --conditions=react-server bench/explain-judgment.ts [--db cj_bench_active] [--learns]
import pg from "pg";
import { readArgs } from "./lib/cli-args";

const { arg, flag } = readArgs();
const database = arg("db", "cj_bench_active");
const base = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54320/postgres";
const url = base.replace(/\/[^/]*$/, `/${database}`);

async function main() {
  process.env.DATABASE_URL = url;
  const { tryLeaseUnit } = await import("../lib/assignment/lease-unit");
  const { recordJudgment } = await import("../lib/assignment/record-judgment");
  const { canonicalizeJudgment } = await import("../lib/assignment/canonicalize-judgment");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const explaining = {
    query: async (q: { text: string; values: unknown[] }) => {
      // warm (plans, caches) and explain, each undone, then the statement for real
      for (const prefix of ["", "", "EXPLAIN (ANALYZE, BUFFERS, WAL) "]) {
        await client.query("SAVEPOINT explain");
        const { rows } = await client.query({ text: `${prefix}${q.text}`, values: q.values });
        await client.query("ROLLBACK TO SAVEPOINT explain");
        if (prefix) console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"), "\n");
      }
      return client.query({ text: q.text, values: q.values });
    },
  } as unknown as pg.Pool;
  await client.query("BEGIN");
  try {
    const { rows: [u] } = await client.query(
      `SELECT p.unit_id, un.project_id, (SELECT m.user_id FROM project_members m WHERE m.project_id = un.project_id AND m.user_id NOT IN (SELECT user_id FROM assignments WHERE unit_id = p.unit_id) LIMIT 1) AS user_id
         FROM unit_priorities p JOIN units un ON un.id = p.unit_id WHERE p.is_open ORDER BY p.priority DESC OFFSET 200 LIMIT 1`);
    const outcome = await tryLeaseUnit(explaining, { projectId: u.project_id, userId: u.user_id, pick: { kind: "unit", unitId: u.unit_id }, propensity: 0.1, reason: "active", leaseSeconds: 600 });
    if (outcome.kind !== "leased") throw new Error(`lease: ${outcome.kind}`);
    const { rows: [a] } = await client.query(
      `SELECT a.id, a.project_id, a.unit_id, a.user_id, a.slot_order, p.escalation_cap, rb.id AS rubric_id, rb.version AS rubric_version, u.response_a_id, u.item_id
         FROM assignments a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = a.unit_id
         LEFT JOIN LATERAL (SELECT id, version FROM rubrics WHERE project_id = a.project_id ORDER BY version DESC LIMIT 1) rb ON true
        WHERE a.id = $1`, [outcome.leased.view.id]);
    const input = { idempotencyKey: crypto.randomUUID(), preference: -2, aspects: { correctness: -1 }, rationale: "explain" };
    const canon = canonicalizeJudgment({ input, slotOrder: a.slot_order, unitResponseA: a.response_a_id });
    const recorded = await recordJudgment(explaining, { assignment: a, input, canon, learnsItemId: flag("learns") ? a.item_id : null });
    console.log("recorded", recorded);
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });

import { randomUUID } from "node:crypto";
import { getPool } from "@/lib/db/client";
import type { TItemInput } from "@/lib/items/schemas";
import { writeItemBatch, type TProjectForImport } from "@/lib/items/write-item-batch";
import { createProject } from "@/lib/projects/create-project";
import { generateTokenSecret, hashTokenSecret } from "@/lib/tokens/token-secret";

export const BENCH_PROJECT_NAME = "assignment-load bench";
const BATCH_ITEMS = 1000;

export type TBenchData = { projectId: string; tokens: string[]; userIds: string[]; units: number; loadSeconds: number };

function benchItem(i: number, responses: number): TItemInput {
  const body = (r: number) =>
    `def solve_${i}_${r}(values: list[int]) -> int:\n    """Variant ${r} of task ${i}."""\n    total = 0\n` +
    `    for index, value in enumerate(values):\n        if value % ${r + 2} == 0:\n            total += value * index\n    return total\n`;
  return {
    id: `bench-${i}`,
    prompt: `Task ${i}: write a function that sums value × index over the values divisible by a small constant. Explain edge cases.`,
    language: "python",
    responses: Array.from({ length: responses }, (_, r) => ({ id: `r${r}`, model: `model-${r}`, content: body(r) })),
  };
}

// Items go in through the import's own batch writer (set-based SQL), one transaction per batch.
async function loadItems(project: TProjectForImport, count: number, responses: number, log: (s: string) => void) {
  const client = await getPool().connect();
  try {
    for (let start = 0; start < count; start += BATCH_ITEMS) {
      const items = Array.from({ length: Math.min(BATCH_ITEMS, count - start) }, (_, k) => benchItem(start + k, responses));
      await client.query("BEGIN");
      await writeItemBatch(client, project, items);
      await client.query("COMMIT");
      if ((start / BATCH_ITEMS) % 10 === 9) log(`  items ${start + items.length}/${count}`);
    }
    await client.query("ANALYZE items; ANALYZE responses; ANALYZE units");
  } finally {
    client.release();
  }
}

// Annotators with one API token each, all members of the project; secrets stay in memory only.
async function createAnnotators(projectId: string, count: number, runTag: string): Promise<{ ids: string[]; secrets: string[] }> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const secrets = ids.map(() => generateTokenSecret());
  const pool = getPool();
  await pool.query(
    `INSERT INTO users (id, email, name, role) SELECT id, 'bench-' || $2 || '-' || n || '@bench.example', 'bench annotator ' || n, 'ANNOTATOR'
       FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n)`,
    [ids, runTag],
  );
  await pool.query(
    `INSERT INTO api_tokens (id, user_id, label, token_hash, prefix) SELECT gen_random_uuid()::text, u.id, 'bench', u.hash, u.prefix
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, hash, prefix)`,
    [ids, secrets.map(hashTokenSecret), secrets.map((s) => s.slice(0, 10))],
  );
  await pool.query("INSERT INTO project_members (project_id, user_id) SELECT $1, unnest($2::text[])", [projectId, ids]);
  return { ids, secrets };
}

export async function loadBenchData(opts: { isFresh: boolean; items: number; responses: number; annotators: number; log: (s: string) => void }): Promise<TBenchData> {
  const started = Date.now();
  const pool = getPool();
  let projectId = (await pool.query<{ id: string }>("SELECT id FROM projects WHERE name = $1", [BENCH_PROJECT_NAME])).rows[0]?.id;
  if (!projectId || opts.isFresh) {
    const owner = randomUUID();
    await pool.query("INSERT INTO users (id, email, role) VALUES ($1, $2, 'TRAINER')", [owner, `bench-owner-${owner.slice(0, 8)}@bench.example`]);
    // gold off: every `next` takes the ordinary (random) path being measured
    const project = await createProject({ actorId: owner, input: { name: BENCH_PROJECT_NAME, mode: "pairwise", overlap: 3, sampling: "random", instructions: "", goldRate: 0 } });
    projectId = project.id;
    opts.log(`loading ${opts.items} items × ${opts.responses} responses`);
    await loadItems({ id: projectId, mode: "pairwise", overlap: 3 }, opts.items, opts.responses, opts.log);
  }
  const units = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE project_id = $1", [projectId])).rows[0].n;
  const annotators = await createAnnotators(projectId, opts.annotators, randomUUID().slice(0, 8));
  return { projectId, tokens: annotators.secrets, userIds: annotators.ids, units, loadSeconds: (Date.now() - started) / 1000 };
}

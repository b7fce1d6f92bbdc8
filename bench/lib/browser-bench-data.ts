import { getPool } from "@/lib/db/client";
import { importItems } from "@/lib/items/import-items";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { createProject } from "@/lib/projects/create-project";
import { DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { seedDemo, toItemInput } from "@/lib/seed/seed-demo";
import { createUser } from "@/lib/users/create-user";
import { seedItems } from "@/prisma/seed-data";

export type TBrowserBenchData = { projectId: string; emails: string[]; userIds: string[]; units: number; password: string };

// The demo seed (so the database looks like a fresh install), plus a pairwise project of the demo's
// hand-written items with overlap = annotators, so every bench annotator can judge every pair, and
// one fresh annotator per run: nobody's earlier work changes what a run is shown.
export async function createBrowserBenchData(opts: { annotators: number }): Promise<TBrowserBenchData> {
  await seedDemo();
  const pool = getPool();
  const admin = (await pool.query<{ id: string }>("SELECT id FROM users WHERE email = 'admin@example.com'")).rows[0];
  const project = await createProject({
    input: { name: "Browser bench — pairwise", mode: "pairwise", overlap: opts.annotators, sampling: "random", instructions: "Judge **the code as a reviewer would**." },
    actorId: admin.id,
  });
  // through the NDJSON import, as a trainer's upload would go
  const ndjson = seedItems.map((item) => JSON.stringify(toItemInput(item))).join("\n");
  await importItems({ project: { id: project.id, mode: "pairwise", overlap: opts.annotators }, body: new Blob([ndjson]).stream(), actorId: admin.id });
  const emails: string[] = [];
  const userIds: string[] = [];
  for (let i = 0; i < opts.annotators; i++) {
    const user = await createUser({ input: { email: `browser-bench-${i + 1}@example.com`, role: "ANNOTATOR", password: DEMO_PASSWORD } });
    await addProjectMember({ projectId: project.id, email: user.email, actorId: admin.id });
    emails.push(user.email);
    userIds.push(user.id);
  }
  const units = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE project_id = $1 AND NOT is_gold", [project.id])).rows[0].n;
  return { projectId: project.id, emails, userIds, units, password: DEMO_PASSWORD };
}

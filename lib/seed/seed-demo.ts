import "server-only";
import { getPool } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { createProject } from "@/lib/projects/create-project";
import { writeItemBatch } from "@/lib/items/write-item-batch";
import type { TItemInput } from "@/lib/items/schemas";
import { seedItems, validateSeedItems } from "@/prisma/seed-data";
import type { SeedItem } from "@/prisma/seed-data/types";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

export function toItemInput(item: SeedItem): TItemInput {
  return {
    id: item.id,
    prompt: item.prompt,
    language: item.language,
    metadata: { source: "demo" },
    gold: item.gold,
    responses: item.responses.map((r) => ({
      id: r.id,
      model: r.model,
      content: r.content,
      scores: item.scores?.[r.id] !== undefined ? { reward_model: item.scores[r.id] } : undefined,
      tests: item.tests?.[r.id],
    })),
  };
}

// Seeds once: demo accounts, a pairwise, a rating and a ranking project with the hand-written items.
export async function seedDemo(): Promise<{ seeded: boolean }> {
  const pool = getPool();
  const existing = await pool.query("SELECT 1 FROM users LIMIT 1");
  if (existing.rowCount) return { seeded: false };
  validateSeedItems();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO users (id, email, name, role, password_hash) VALUES (gen_random_uuid()::text, $1, $2, $3, $4) RETURNING id",
      [account.email, account.name, account.role, passwordHash],
    );
    userIds[account.email] = rows[0].id;
  }
  const adminId = userIds["admin@example.com"];
  const instructions = [
    "## How to judge",
    "Read the prompt, then both answers. Judge **the code as a reviewer would**: does it work on every input, is it safe, is it efficient, is it idiomatic?",
    "",
    "- Use line comments to point at the exact lines that decide your judgment.",
    "- Prefer *tie* when both answers are equally good; *both unacceptable* when neither should ship.",
    "- Keys: `1`–`7` preference, `0` both bad, `d` diff, `?` all shortcuts.",
  ].join("\n");
  const projects = [
    { name: "Code review — pairwise (demo)", mode: "pairwise" as const, items: seedItems, sampling: "random" as const },
    { name: "Answer quality — rating (demo)", mode: "rating" as const, items: seedItems.slice(0, 8), sampling: "random" as const },
    { name: "Best answer — ranking (demo)", mode: "ranking" as const, items: seedItems.filter((i) => i.responses.length >= 3).slice(0, 8), sampling: "random" as const },
  ];
  for (const spec of projects) {
    const project = await createProject({
      input: { name: spec.name, mode: spec.mode, overlap: 3, sampling: spec.sampling, instructions },
      actorId: adminId,
    });
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await writeItemBatch(client, { id: project.id, mode: spec.mode, overlap: 3 }, spec.items.map(toItemInput));
      for (const account of DEMO_ACCOUNTS) {
        if (account.role === "TRAINER") continue;
        await client.query("INSERT INTO project_members (project_id, user_id) VALUES ($1, $2)", [project.id, userIds[account.email]]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  }
  return { seeded: true };
}

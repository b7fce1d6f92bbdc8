import { getPool } from "@/lib/db/client";
import type { TItemInput } from "@/lib/items/schemas";
import { importItems } from "@/lib/items/import-items";
import { writeItemBatch } from "@/lib/items/write-item-batch";
import type { TTestProject } from "./create-test-project";

// Items like an import would write them: `count` items of `responses` responses each, ids
// item-0…, responses r0…; `gold` marks items whose first two responses have a known answer.
export function buildItems(opts: { count: number; responses?: number; gold?: { every: number; preference: number } }): TItemInput[] {
  const responses = opts.responses ?? 2;
  return Array.from({ length: opts.count }, (_, i) => ({
    id: `item-${i}`,
    prompt: `Write function number ${i}`,
    language: "python",
    responses: Array.from({ length: responses }, (_, r) => ({ id: `r${r}`, model: `model-${r}`, content: `def f_${i}_${r}():\n    return ${r}\n` })),
    ...(opts.gold && i % opts.gold.every === 0 ? { gold: { preference: opts.gold.preference, responses: ["r0", "r1"] as [string, string] } } : {}),
  }));
}

export async function createTestItems(project: TTestProject, items: TItemInput[]): Promise<void> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await writeItemBatch(client, { id: project.id, mode: project.mode, overlap: project.overlap }, items);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

// The same items sent through the import path (NDJSON stream, validation, one transaction).
export async function importTestItems(project: TTestProject, items: TItemInput[]) {
  const bytes = new TextEncoder().encode(items.map((item) => JSON.stringify(item)).join("\n") + "\n");
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return importItems({ project: { id: project.id, mode: project.mode, overlap: project.overlap }, body, actorId: project.owner.id });
}

// Helpers for the project/import integration tests: every call makes uniquely named rows, so
// test files can run against one database without resetting it.
import { randomUUID } from "node:crypto";
import { db, getPool } from "@/lib/db/client";
import type { TCaller, TRole } from "@/lib/auth/caller";
import { createProject } from "@/lib/projects/create-project";
import { importItems } from "@/lib/items/import-items";
import { loadProjectForImport } from "@/lib/items/load-project-for-import";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import type { TItemInput } from "@/lib/items/schemas";
import type { TJudgmentInput } from "@/lib/assignment/schemas";
import type { TProjectCreate } from "@/lib/projects/schemas";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function makeUser(role: TRole): Promise<TCaller> {
  const email = `${unique(role.toLowerCase())}@test.example`;
  const user = await db.user.create({ data: { email, role, name: email } });
  return { id: user.id, email, name: user.name, role, via: "session" };
}

export async function makeProject(actor: TCaller, input: Partial<TProjectCreate> = {}) {
  return createProject({ input: { name: unique("project"), mode: "pairwise", overlap: 3, sampling: "random", instructions: "", goldRate: 0, ...input }, actorId: actor.id });
}

export function item(id: string, responseCount = 2, extra: Partial<TItemInput> = {}): TItemInput {
  return {
    id,
    prompt: `Solve ${id}`,
    language: "python",
    responses: Array.from({ length: responseCount }, (_, i) => ({ id: `r${i + 1}`, model: `model-${i + 1}`, content: `print(${i})` })),
    ...extra,
  };
}

// A body exactly as a client would stream it: lines may be objects (JSON-encoded), raw strings
// or raw bytes (for invalid UTF-8).
export function ndjson(lines: Array<object | string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const parts = lines.map((l) => (l instanceof Uint8Array ? l : encoder.encode(typeof l === "string" ? l : JSON.stringify(l))));
  const newline = encoder.encode("\n");
  const chunks = parts.flatMap((p) => [p, newline]);
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

export async function importLines(projectId: string, actor: TCaller, lines: Array<object | string | Uint8Array>) {
  return importItems({ project: await loadProjectForImport(projectId), body: ndjson(lines), actorId: actor.id });
}

export async function countRows(projectId: string) {
  const { rows } = await getPool().query<{ items: number; responses: number; units: number }>(
    `SELECT (SELECT count(*)::int FROM items WHERE project_id = $1) AS items,
            (SELECT count(*)::int FROM responses WHERE project_id = $1) AS responses,
            (SELECT count(*)::int FROM units WHERE project_id = $1) AS units`,
    [projectId],
  );
  return rows[0];
}

export async function addMember(projectId: string, user: TCaller) {
  await db.projectMember.create({ data: { projectId, userId: user.id } });
}

// One real judgment through the assignment path, so it carries the rubric version in force.
export async function judgeOnce(projectId: string, annotator: TCaller, input: Partial<TJudgmentInput> = {}) {
  const assignment = await getNextAssignment({ caller: annotator, projectId });
  if (!assignment) throw new Error("no assignment available");
  const { judgmentId } = await submitJudgment({
    caller: annotator,
    assignmentId: assignment.id,
    input: { idempotencyKey: randomUUID(), preference: -1, aspects: { correctness: -1 }, ...input },
  });
  return { judgmentId, rubricVersion: assignment.rubric.version };
}

// pairwise units only, in item then pair order
export async function unitsOf(projectId: string) {
  const { rows } = await getPool().query<{ id: string; item: string; a: string; b: string; is_gold: boolean; target: number; open: boolean; judgment_count: number; lease_count: number; escalations: number }>(
    `SELECT u.id, i.external_id AS item, ra.external_id AS a, rb.external_id AS b, u.is_gold, u.target, u.open, u.judgment_count, u.lease_count, u.escalations
       FROM units u JOIN items i ON i.id = u.item_id
       JOIN responses ra ON ra.id = u.response_a_id JOIN responses rb ON rb.id = u.response_b_id
      WHERE u.project_id = $1 ORDER BY i.external_id, ra.external_id, rb.external_id`,
    [projectId],
  );
  return rows;
}

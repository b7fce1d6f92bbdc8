import "server-only";
import { getPool } from "@/lib/db/client";
import { getCurrentRubric } from "@/lib/projects/get-current-rubric";
import type { TAssignmentView } from "./schemas";

// What an annotator may see of an assignment: no model names, no response ids, no scores.
export async function loadAssignmentView(assignmentId: string): Promise<TAssignmentView> {
  const pool = getPool();
  const { rows } = await pool.query<{ id: string; expires_at: Date; project_id: string; mode: TAssignmentView["mode"]; slot_order: string[]; prompt: string; language: string; instructions: string; draft: Record<string, unknown> | null }>(
    `SELECT a.id, a.expires_at, a.project_id, p.mode, a.slot_order, i.prompt, i.language, p.instructions, a.draft
       FROM assignments a JOIN units u ON u.id = a.unit_id JOIN items i ON i.id = u.item_id JOIN projects p ON p.id = a.project_id
      WHERE a.id = $1`,
    [assignmentId],
  );
  const a = rows[0];
  const [responses, rubric] = await Promise.all([
    pool.query<{ id: string; content: string }>("SELECT id, content FROM responses WHERE id = ANY($1::text[])", [a.slot_order]),
    getCurrentRubric({ projectId: a.project_id }),
  ]);
  const contentById = new Map(responses.rows.map((r) => [r.id, r.content]));
  return {
    id: a.id,
    expiresAt: a.expires_at.toISOString(),
    projectId: a.project_id,
    mode: a.mode,
    item: { prompt: a.prompt, language: a.language },
    responses: a.slot_order.map((id, i) => ({ slot: String.fromCharCode(65 + i), content: contentById.get(id) ?? "" })),
    rubric: { version: rubric.version, aspects: rubric.aspects, rationale: rubric.rationale },
    instructions: a.instructions,
    draft: a.draft,
  };
}

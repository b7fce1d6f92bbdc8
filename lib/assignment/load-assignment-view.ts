import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZStoredAspects, type TRubric } from "@/lib/projects/schemas";
import type { TAssignmentView } from "./schemas";

export type TViewRow = {
  id: string; expires_at: Date; project_id: string; mode: TAssignmentView["mode"]; slot_order: string[]; prompt: string; language: string;
  instructions: string; draft: Record<string, unknown> | null; contents: Record<string, string> | null;
  rubric_version: number | null; rubric_aspects: unknown; rubric_rationale: TRubric["rationale"] | null;
};

// What an annotator may see of an assignment: no model names, no response ids, no scores.
// `source` is anything with an assignment's id, expires_at, project_id, unit_id, slot_order and
// draft columns: the assignments table, or the row a lease statement has just written
// (lib/assignment/lease-unit.ts), so a lease and its view are one round trip.
export function assignmentViewSql(source: string): string {
  return `SELECT a.id, a.expires_at, a.project_id, p.mode, a.slot_order, i.prompt, i.language, p.instructions, a.draft,
                 (SELECT json_object_agg(r.id, r.content) FROM responses r
                   WHERE r.id = ANY (ARRAY(SELECT jsonb_array_elements_text(a.slot_order)))) AS contents,
                 rb.version AS rubric_version, rb.aspects AS rubric_aspects, rb.rationale AS rubric_rationale
            FROM ${source} a JOIN units u ON u.id = a.unit_id JOIN items i ON i.id = u.item_id JOIN projects p ON p.id = a.project_id
            LEFT JOIN LATERAL (SELECT version, aspects, rationale FROM rubrics WHERE project_id = a.project_id ORDER BY version DESC LIMIT 1) rb ON true`;
}

export function toAssignmentView(a: TViewRow): TAssignmentView {
  if (a.rubric_version === null || a.rubric_rationale === null) throw new AppError("not_found", "Project has no rubric");
  const contents = a.contents ?? {};
  return {
    id: a.id,
    expiresAt: a.expires_at.toISOString(),
    projectId: a.project_id,
    mode: a.mode,
    item: { prompt: a.prompt, language: a.language },
    responses: a.slot_order.map((id, i) => ({ slot: String.fromCharCode(65 + i), content: contents[id] ?? "" })),
    rubric: { version: a.rubric_version, aspects: ZStoredAspects.parse(a.rubric_aspects), rationale: a.rubric_rationale },
    instructions: a.instructions,
    draft: a.draft,
  };
}

export async function loadAssignmentView(assignmentId: string, db: Pick<pg.Pool, "query"> = getPool()): Promise<TAssignmentView> {
  const { rows } = await db.query<TViewRow>({ name: "load-assignment-view", text: `${assignmentViewSql("assignments")} WHERE a.id = $1`, values: [assignmentId] });
  if (!rows[0]) throw new AppError("not_found", "No such assignment");
  return toAssignmentView(rows[0]);
}

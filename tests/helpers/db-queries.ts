import { getPool } from "@/lib/db/client";

export type TUnitRow = {
  id: string; item_id: string; response_a_id: string | null; response_b_id: string | null; is_gold: boolean;
  target: number; judgment_count: number; lease_count: number; open: boolean; escalations: number;
};

export async function listUnits(projectId: string): Promise<TUnitRow[]> {
  const { rows } = await getPool().query<TUnitRow>(
    `SELECT id, item_id, response_a_id, response_b_id, is_gold, target, judgment_count, lease_count, open, escalations
       FROM units WHERE project_id = $1 ORDER BY item_id, response_a_id, response_b_id`,
    [projectId],
  );
  return rows;
}

// Counters next to what the assignment rows say, for every unit of the project; a test asserts
// they agree and that no unit holds more work than its target.
export async function auditUnits(projectId: string) {
  const { rows } = await getPool().query<{ id: string; target: number; judgment_count: number; lease_count: number; open: boolean; submitted: number; live: number; judgments: number }>(
    `SELECT u.id, u.target, u.judgment_count, u.lease_count, u.open,
            (SELECT count(*)::int FROM assignments a WHERE a.unit_id = u.id AND a.status = 'SUBMITTED') AS submitted,
            (SELECT count(*)::int FROM assignments a WHERE a.unit_id = u.id AND a.status = 'LEASED') AS live,
            (SELECT count(*)::int FROM judgments j WHERE j.unit_id = u.id) AS judgments
       FROM units u WHERE u.project_id = $1`,
    [projectId],
  );
  return rows;
}

export async function countJudgments(projectId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM judgments WHERE project_id = $1", [projectId]);
  return rows[0].n;
}

export async function getAssignmentRow(assignmentId: string) {
  const { rows } = await getPool().query<{ id: string; unit_id: string; user_id: string; status: string; slot_order: string[] }>(
    "SELECT id, unit_id, user_id, status, slot_order FROM assignments WHERE id = $1",
    [assignmentId],
  );
  return rows[0];
}

export async function expireAssignment(assignmentId: string): Promise<void> {
  await getPool().query("UPDATE assignments SET expires_at = now() - interval '1 minute' WHERE id = $1", [assignmentId]);
}

export async function listJudgments(projectId: string) {
  const { rows } = await getPool().query<{
    id: string; assignment_id: string; unit_id: string; user_id: string; preference: number | null; canonical_pref: number | null;
    aspects: Record<string, number | null>; canonical_aspects: Record<string, number | null>; ratings: Record<string, Record<string, number>> | null;
    ranking: string[] | null; left_slot_response_id: string | null; slot_order: string[];
  }>(
    `SELECT j.id, j.assignment_id, j.unit_id, j.user_id, j.preference, j.canonical_pref, j.aspects, j.canonical_aspects, j.ratings, j.ranking,
            j.left_slot_response_id, a.slot_order
       FROM judgments j JOIN assignments a ON a.id = j.assignment_id WHERE j.project_id = $1 ORDER BY j.created_at`,
    [projectId],
  );
  return rows;
}

import { getPool } from "@/lib/db/client";

export type TVerification = {
  successfulSubmits: number;
  judgmentsStored: number;
  lostOrExtra: number;
  duplicateUnitUser: number;
  unitsOverTarget: number;
  unitsWithDriftedCounters: number;
  isClean: boolean;
};

// After the run, the database must agree with what the clients saw: one judgment per 201, no
// (unit, user) twice, no unit holding more work than its target, counters in step with the rows.
export async function verifyJudgments(opts: { projectId: string; userIds: string[]; successfulSubmits: number }): Promise<TVerification> {
  const pool = getPool();
  const { rows } = await pool.query<{ stored: number; duplicate: number; over: number; drifted: number }>(
    `WITH mine AS (SELECT unit_id, user_id FROM judgments WHERE project_id = $1 AND user_id = ANY($2::text[])),
          touched AS (SELECT DISTINCT unit_id FROM mine),
          per_unit AS (
            SELECT u.id, u.target, u.judgment_count, u.lease_count,
                   (SELECT count(*)::int FROM judgments j WHERE j.unit_id = u.id) AS judgments,
                   (SELECT count(*)::int FROM assignments a WHERE a.unit_id = u.id AND a.status = 'LEASED') AS leases
              FROM units u JOIN touched t ON t.unit_id = u.id)
     SELECT (SELECT count(*)::int FROM mine) AS stored,
            (SELECT count(*)::int FROM (SELECT 1 FROM mine GROUP BY unit_id, user_id HAVING count(*) > 1) d) AS duplicate,
            (SELECT count(*)::int FROM per_unit WHERE judgments > target OR judgments + leases > target) AS over,
            (SELECT count(*)::int FROM per_unit WHERE judgment_count <> judgments OR lease_count <> leases) AS drifted`,
    [opts.projectId, opts.userIds],
  );
  const r = rows[0];
  const lostOrExtra = r.stored - opts.successfulSubmits;
  return {
    successfulSubmits: opts.successfulSubmits,
    judgmentsStored: r.stored,
    lostOrExtra,
    duplicateUnitUser: r.duplicate,
    unitsOverTarget: r.over,
    unitsWithDriftedCounters: r.drifted,
    isClean: lostOrExtra === 0 && r.duplicate === 0 && r.over === 0 && r.drifted === 0,
  };
}

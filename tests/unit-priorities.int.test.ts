import { describe, expect, it } from "vitest";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { skipAssignment } from "@/lib/assignment/skip-assignment";
import { sweepExpiredLeases } from "@/lib/assignment/sweep-expired-leases";
import { getPool } from "@/lib/db/client";
import { activate, createActiveProject, judgeNext } from "./active-helpers";
import { createTestUsers } from "./helpers/create-test-user";
import { buildItems, createTestItems } from "./helpers/create-test-items";

// Active sampling picks from unit_priorities: each unit's priority (kept only there) beside a copy
// of its random key and eligibility, kept in step with units by triggers
// (prisma/migrations/20261129170000_unit_priorities, 20261129190000_priority_only_in_unit_priorities).
// Whatever writes units (import, leases, online rescoring, skips, expired leases, a refit, direct
// SQL), there is one row per unit and the copy says what units says.

type TMirror = { id: string; item_id: string; rand: number; is_open: boolean; is_judged: boolean };

async function mismatches(projectId: string): Promise<{ units: number; rows: number; differing: TMirror[] }> {
  const { rows } = await getPool().query<TMirror & { mirrored: boolean }>(
    `SELECT u.id, p.unit_id IS NOT NULL AS mirrored, p.item_id, p.rand, p.is_open, p.is_judged,
            u.item_id AS u_item, u.rand AS u_rand, u.open AND NOT u.is_gold AS u_open, u.judgment_count > 0 AS u_judged
       FROM units u LEFT JOIN unit_priorities p ON p.unit_id = u.id WHERE u.project_id = $1`,
    [projectId],
  );
  const differing = rows.filter((r) => {
    const u = r as unknown as { u_item: string; u_rand: number; u_open: boolean; u_judged: boolean };
    return !r.mirrored || r.item_id !== u.u_item || r.rand !== u.u_rand || r.is_open !== u.u_open || r.is_judged !== u.u_judged;
  });
  const { rows: counted } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM unit_priorities WHERE project_id = $1", [projectId]);
  return { units: rows.length, rows: counted[0].n, differing };
}

describe("unit_priorities mirrors units", () => {
  it("through import, leases, online rescoring, skips, expired leases, gold and deletes", async () => {
    const members = await createTestUsers(3);
    const project = await createActiveProject({ overlap: 2, reserveShare: 0.3, epsilon: 0.2, members });
    await createTestItems(project, buildItems({ count: 6, responses: 4 }));
    expect(await mismatches(project.id)).toMatchObject({ units: 36, rows: 36, differing: [] });
    // new pairs start above any computed gain until the priors refresh rescores them
    const { rows: fresh } = await getPool().query<{ priority: number }>("SELECT DISTINCT priority FROM unit_priorities WHERE project_id = $1", [project.id]);
    expect(fresh).toEqual([{ priority: 1 }]);

    await activate(project);
    for (let round = 0; round < 4; round++) for (const m of members) await judgeNext(m, project.id, () => (round % 2 ? 1 : -2));
    const judged = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE project_id = $1 AND judgment_count > 0", [project.id]);
    expect(judged.rows[0].n).toBeGreaterThan(0);
    expect((await mismatches(project.id)).differing).toEqual([]);

    const view = await getNextAssignment({ caller: members[0], projectId: project.id });
    await skipAssignment({ caller: members[0], assignmentId: view!.id });
    const leased = await getNextAssignment({ caller: members[1], projectId: project.id });
    await getPool().query("UPDATE assignments SET expires_at = now() - interval '1 minute' WHERE id = $1", [leased!.id]);
    await sweepExpiredLeases(getPool(), project.id);
    await getPool().query("UPDATE units SET is_gold = true WHERE id = (SELECT id FROM units WHERE project_id = $1 ORDER BY id LIMIT 1)", [project.id]);
    await getPool().query("UPDATE units SET open = false WHERE id = (SELECT id FROM units WHERE project_id = $1 ORDER BY id DESC LIMIT 1)", [project.id]);
    expect((await mismatches(project.id)).differing).toEqual([]);

    await getPool().query("DELETE FROM items WHERE id = (SELECT item_id FROM units WHERE project_id = $1 ORDER BY id LIMIT 1)", [project.id]);
    const after = await mismatches(project.id);
    expect(after.rows).toBe(after.units);
    expect(after.differing).toEqual([]);
  });
});

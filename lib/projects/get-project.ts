import "server-only";
import { db, getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "./assert-project-access";
import { getCurrentRubric } from "./get-current-rubric";

export async function getProject(opts: { caller: TCaller; projectId: string }) {
  await assertProjectAccess(opts);
  const project = await db.project.findUnique({ where: { id: opts.projectId } });
  if (!project) throw new AppError("not_found", "No such project");
  const rubric = await getCurrentRubric({ projectId: project.id });
  const isStaff = opts.caller.role !== "ANNOTATOR";
  const { rows } = await getPool().query<{ items: number; units: number; complete_units: number; judgments: number; my_judgments: number; members: number }>(
    `SELECT (SELECT count(*)::int FROM items WHERE project_id = $1) AS items,
            (SELECT count(*)::int FROM units WHERE project_id = $1) AS units,
            (SELECT count(*)::int FROM units WHERE project_id = $1 AND judgment_count >= target) AS complete_units,
            (SELECT count(*)::int FROM judgments WHERE project_id = $1) AS judgments,
            (SELECT count(*)::int FROM judgments WHERE project_id = $1 AND user_id = $2) AS my_judgments,
            (SELECT count(*)::int FROM project_members WHERE project_id = $1) AS members`,
    [project.id, opts.caller.id],
  );
  const c = rows[0];
  return {
    id: project.id,
    name: project.name,
    mode: project.mode,
    overlap: project.overlap,
    sampling: project.sampling,
    instructions: project.instructions,
    leaseSeconds: project.leaseSeconds,
    goldRate: project.goldRate,
    goldThreshold: project.goldThreshold,
    createdAt: project.createdAt,
    rubric: { version: rubric.version, aspects: rubric.aspects, rationale: rubric.rationale },
    progress: isStaff
      ? { items: c.items, units: c.units, completeUnits: c.complete_units, judgments: c.judgments, members: c.members, mine: c.my_judgments }
      : { items: c.items, units: c.units, mine: c.my_judgments },
  };
}

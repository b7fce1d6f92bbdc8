import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { defaultRubric, type TProjectCreate } from "./schemas";

export async function createProject(opts: { input: TProjectCreate; actorId: string }) {
  const { input } = opts;
  const rubric = input.rubric ? { ...input.rubric, version: 1 } : defaultRubric(input.mode);
  const project = await db.project.create({
    data: {
      name: input.name,
      mode: input.mode,
      overlap: input.overlap,
      sampling: input.sampling,
      instructions: input.instructions,
      leaseSeconds: input.leaseSeconds,
      goldRate: input.goldRate,
      goldThreshold: input.goldThreshold,
      createdById: opts.actorId,
      rubrics: { create: { version: 1, aspects: rubric.aspects, rationale: rubric.rationale, createdById: opts.actorId } },
    },
  });
  await recordAudit({ actorId: opts.actorId, action: "project.create", targetType: "project", targetId: project.id, details: { name: project.name, mode: project.mode } });
  return project;
}

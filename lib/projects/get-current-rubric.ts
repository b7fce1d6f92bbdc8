import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZStoredAspects, type TRubric } from "./schemas";

export async function getCurrentRubric(opts: { projectId: string }): Promise<TRubric & { id: string }> {
  const rubric = await db.rubric.findFirst({ where: { projectId: opts.projectId }, orderBy: { version: "desc" } });
  if (!rubric) throw new AppError("not_found", "Project has no rubric");
  return { id: rubric.id, version: rubric.version, aspects: ZStoredAspects.parse(rubric.aspects), rationale: rubric.rationale as TRubric["rationale"] };
}

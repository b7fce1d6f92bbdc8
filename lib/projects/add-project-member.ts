import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";

export async function addProjectMember(opts: { projectId: string; email: string; actorId: string }) {
  const [project, user] = await Promise.all([
    db.project.findUnique({ where: { id: opts.projectId }, select: { id: true } }),
    db.user.findUnique({ where: { email: opts.email.toLowerCase() }, select: { id: true, email: true, role: true } }),
  ]);
  if (!project) throw new AppError("not_found", "No such project");
  if (!user) throw new AppError("not_found", `No user with email ${opts.email}`);
  await db.projectMember.upsert({
    where: { projectId_userId: { projectId: project.id, userId: user.id } },
    create: { projectId: project.id, userId: user.id },
    update: {},
  });
  await recordAudit({ actorId: opts.actorId, action: "project.member.add", targetType: "project", targetId: project.id, details: { userId: user.id, email: user.email } });
  return { projectId: project.id, userId: user.id, email: user.email, role: user.role };
}

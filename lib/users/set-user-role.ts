import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TRole } from "@/lib/auth/caller";

export async function setUserRole(opts: { userId: string; role: TRole; actorId: string }) {
  const user = await db.user.findUnique({ where: { id: opts.userId } });
  if (!user) throw new AppError("not_found", "No such user");
  if (user.id === opts.actorId && opts.role !== "ADMIN") throw new AppError("conflict", "Admins cannot demote themselves");
  const updated = await db.user.update({ where: { id: user.id }, data: { role: opts.role }, select: { id: true, email: true, role: true } });
  await recordAudit({ actorId: opts.actorId, action: "user.role.set", targetType: "user", targetId: user.id, details: { from: user.role, to: opts.role } });
  return updated;
}

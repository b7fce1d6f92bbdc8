import "server-only";
import { db } from "@/lib/db/client";

export async function listAuditLog(opts: { limit?: number; before?: Date } = {}) {
  const entries = await db.auditLog.findMany({
    where: opts.before ? { createdAt: { lt: opts.before } } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.limit ?? 200, 1000),
  });
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((v): v is string => !!v))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailById = new Map(actors.map((a) => [a.id, a.email]));
  return entries.map((e) => ({ ...e, actorEmail: e.actorId ? emailById.get(e.actorId) ?? null : null }));
}

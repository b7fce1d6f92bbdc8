import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function recordAudit(entry: { actorId?: string | null; action: string; targetType: string; targetId?: string | null; details?: Prisma.InputJsonValue }) {
  await db.auditLog.create({
    data: { actorId: entry.actorId ?? null, action: entry.action, targetType: entry.targetType, targetId: entry.targetId ?? null, details: entry.details ?? {} },
  });
}

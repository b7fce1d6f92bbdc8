import "server-only";
import { db } from "@/lib/db/client";

export async function listApiTokens(opts: { userId: string }) {
  return db.apiToken.findMany({
    where: { userId: opts.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true },
  });
}

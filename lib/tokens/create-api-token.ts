import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateTokenSecret, hashTokenSecret } from "./token-secret";

export async function createApiToken(opts: { userId: string; label?: string; actorId?: string; expiresAt?: Date | null }) {
  const secret = generateTokenSecret();
  const token = await db.apiToken.create({
    data: {
      userId: opts.userId,
      label: opts.label ?? "",
      tokenHash: hashTokenSecret(secret),
      prefix: secret.slice(0, 10),
      expiresAt: opts.expiresAt ?? null,
    },
  });
  await recordAudit({ actorId: opts.actorId ?? opts.userId, action: "token.create", targetType: "api_token", targetId: token.id, details: { label: token.label, userId: opts.userId } });
  return { id: token.id, secret, prefix: token.prefix, label: token.label, createdAt: token.createdAt };
}

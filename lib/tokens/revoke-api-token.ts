import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";

// Owners revoke their own tokens; admins may revoke anyone's.
export async function revokeApiToken(opts: { tokenId: string; actor: { id: string; role: string } }) {
  const token = await db.apiToken.findUnique({ where: { id: opts.tokenId } });
  if (!token || (token.userId !== opts.actor.id && opts.actor.role !== "ADMIN")) throw new AppError("not_found", "No such token");
  if (token.revokedAt) return token;
  const revoked = await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  await recordAudit({ actorId: opts.actor.id, action: "token.revoke", targetType: "api_token", targetId: token.id });
  return revoked;
}

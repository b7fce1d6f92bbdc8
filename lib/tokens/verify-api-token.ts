import "server-only";
import { getPool } from "@/lib/db/client";
import type { TCaller } from "@/lib/auth/caller";
import { hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

// Resolves a bearer secret to its user. last_used_at is written at most once a minute per token,
// so a busy script does not turn every request into a write.
export async function verifyApiToken(secret: string): Promise<TCaller | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const { rows } = await getPool().query<{ token_id: string; id: string; email: string; name: string | null; role: TCaller["role"]; last_used_at: Date | null }>(
    `SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.name, u.role
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled`,
    [hashTokenSecret(secret)],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await getPool().query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.token_id]);
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: "token", tokenId: row.token_id };
}

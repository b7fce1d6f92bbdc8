import "server-only";
import { getPool } from "@/lib/db/client";
import type { TCaller } from "@/lib/auth/caller";
import { hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

// Resolves a bearer secret to its user, on every request (a revoked token or a disabled user is
// refused at once). last_used_at is written at most once a minute per token, so a busy script
// does not turn every request into a write.
const VERIFY_SQL = `
  WITH t AS (
    SELECT t.id AS token_id, u.id, u.email, u.name, u.role
      FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled
  ), touched AS (
    UPDATE api_tokens SET last_used_at = now()
     WHERE id = (SELECT token_id FROM t) AND (last_used_at IS NULL OR last_used_at < now() - interval '60 seconds')
  )
  SELECT * FROM t`;

export async function verifyApiToken(secret: string): Promise<TCaller | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const { rows } = await getPool().query<{ token_id: string; id: string; email: string; name: string | null; role: TCaller["role"] }>({
    name: "verify-api-token",
    text: VERIFY_SQL,
    values: [hashTokenSecret(secret)],
  });
  const row = rows[0];
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role, via: "token", tokenId: row.token_id } : null;
}

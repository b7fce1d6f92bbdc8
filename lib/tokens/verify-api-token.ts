import "server-only";
import { getPool } from "@/lib/db/client";
import type { TCaller } from "@/lib/auth/caller";
import { rateLimitUpsertSql, readRateLimit, type TRateLimitResult } from "@/lib/security/rate-limit";
import { hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

// Resolves a bearer secret to its user and, when a per-minute limit is given, counts the request
// against the token's budget: one statement, since every API call pays for it. last_used_at is
// written at most once a minute per token, so a busy script does not turn every request into a write.
const VERIFY_SQL = `
  WITH t AS (
    SELECT t.id AS token_id, u.id, u.email, u.name, u.role
      FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled
  ), touched AS (
    UPDATE api_tokens SET last_used_at = now()
     WHERE id = (SELECT token_id FROM t) AND (last_used_at IS NULL OR last_used_at < now() - interval '60 seconds')
  ), counted AS (
    ${rateLimitUpsertSql("SELECT 'token:' || token_id, 1, now() FROM t WHERE $2", "60")}
  )
  SELECT t.*, counted.count, counted.reset FROM t LEFT JOIN counted ON true`;

export async function verifyApiToken(secret: string, opts: { limitPerMinute?: number } = {}): Promise<{ caller: TCaller; rate: TRateLimitResult | null } | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const limit = opts.limitPerMinute ?? 0;
  const { rows } = await getPool().query<{ token_id: string; id: string; email: string; name: string | null; role: TCaller["role"]; count: number | null; reset: number | null }>({
    name: "verify-api-token",
    text: VERIFY_SQL,
    values: [hashTokenSecret(secret), limit > 0],
  });
  const row = rows[0];
  if (!row) return null;
  const caller: TCaller = { id: row.id, email: row.email, name: row.name, role: row.role, via: "token", tokenId: row.token_id };
  return { caller, rate: row.count === null ? null : readRateLimit({ count: row.count, reset: row.reset ?? 0 }, limit) };
}

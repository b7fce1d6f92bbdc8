import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";

const MAX_DRAFT_BYTES = 200_000;

// Drafts live in Postgres (any app server can serve the reload) and each save renews the lease,
// so an annotator who is still working never loses the unit to expiry.
export async function saveDraft(opts: { caller: TCaller; assignmentId: string; draft: Record<string, unknown> }): Promise<{ savedAt: string; expiresAt: string }> {
  const json = JSON.stringify(opts.draft);
  if (json.length > MAX_DRAFT_BYTES) throw new AppError("payload_too_large", "Draft too large");
  const { rows } = await getPool().query<{ saved: Date; expires_at: Date; status: string }>(
    `UPDATE assignments a SET draft = $3::jsonb, draft_updated_at = now(),
            expires_at = CASE WHEN a.status = 'LEASED' AND a.expires_at > now() THEN GREATEST(a.expires_at, now() + make_interval(secs => p.lease_seconds)) ELSE a.expires_at END
       FROM projects p
      WHERE a.id = $1 AND a.user_id = $2 AND p.id = a.project_id AND a.status = 'LEASED'
      RETURNING a.draft_updated_at AS saved, a.expires_at, a.status`,
    [opts.assignmentId, opts.caller.id, json],
  );
  if (!rows[0]) throw new AppError("conflict", "This assignment is no longer open");
  return { savedAt: rows[0].saved.toISOString(), expiresAt: rows[0].expires_at.toISOString() };
}

import "server-only";
import { getPool } from "@/lib/db/client";
import type { TRaterIdentity } from "./decorate-raters";

/** E-mail, name and paused state (null for a non-member) of the given users in this project. */
export async function loadRaterIdentities(opts: { projectId: string; userIds: string[] }): Promise<Map<string, TRaterIdentity>> {
  if (!opts.userIds.length) return new Map();
  const { rows } = await getPool().query<{ id: string; email: string; name: string | null; paused: boolean | null }>(
    `SELECT u.id, u.email, u.name, m.paused
       FROM users u LEFT JOIN project_members m ON m.user_id = u.id AND m.project_id = $1
      WHERE u.id = ANY($2::text[])`,
    [opts.projectId, opts.userIds],
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name, isPaused: r.paused }]));
}

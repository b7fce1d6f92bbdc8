import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller } from "@/lib/auth/caller";

// A skipped unit goes back to the pool for others and is never offered to this rater again.
export async function skipAssignment(opts: { caller: TCaller; assignmentId: string; reason?: string }): Promise<{ skipped: true }> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ unit_id: string; user_id: string; status: string }>(
      "SELECT unit_id, user_id, status FROM assignments WHERE id = $1 FOR UPDATE",
      [opts.assignmentId],
    );
    const a = rows[0];
    if (!a || a.user_id !== opts.caller.id) throw new AppError("not_found", "No such assignment for you");
    if (a.status === "SKIPPED") {
      await client.query("ROLLBACK");
      return { skipped: true };
    }
    if (a.status === "SUBMITTED") throw new AppError("already_done", "This assignment already has a judgment");
    const wasLeased = a.status === "LEASED";
    await client.query("UPDATE assignments SET status = 'SKIPPED', completed_at = now(), skip_reason = $2, draft = NULL WHERE id = $1", [opts.assignmentId, opts.reason ?? null]);
    if (wasLeased) {
      await client.query(
        "UPDATE units SET lease_count = GREATEST(0, lease_count - 1), open = judgment_count + GREATEST(0, lease_count - 1) < target WHERE id = $1",
        [a.unit_id],
      );
    }
    await client.query("COMMIT");
    return { skipped: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

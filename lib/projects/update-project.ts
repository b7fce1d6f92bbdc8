import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { ZProjectUpdate, type TProjectUpdate } from "./schemas";
import { requestPriorsRefresh } from "@/lib/ranking/request-priors-refresh";
import { schedulePriorsRefresh } from "@/lib/ranking/schedule-priors-refresh";

const COLUMNS: Record<keyof TProjectUpdate, string> = {
  name: "name",
  overlap: "overlap",
  sampling: "sampling",
  instructions: "instructions",
  leaseSeconds: "lease_seconds",
  goldRate: "gold_rate",
  goldThreshold: "gold_threshold",
};

type TProjectRow = Record<keyof TProjectUpdate, unknown>;

export type TProjectUpdateResult = { changed: Array<keyof TProjectUpdate>; retargetedUnits: number };

// Settings and unit targets change together: with a new overlap every non-gold unit wants
// overlap + its escalations, and `open` is recomputed from the same numbers in the same
// transaction, so the sampler never sees a target and an open flag that disagree.
export async function updateProject(opts: { projectId: string; input: TProjectUpdate; actorId: string }): Promise<TProjectUpdateResult> {
  const input = ZProjectUpdate.parse(opts.input);
  const fields = (Object.keys(input) as Array<keyof TProjectUpdate>).filter((k) => input[k] !== undefined);
  const client = await getPool().connect();
  let changed: Array<keyof TProjectUpdate> = [];
  let before = {} as TProjectRow;
  let retargetedUnits = 0;
  let refreshRequest: number | null = null;
  try {
    await client.query("BEGIN");
    const select = (Object.keys(COLUMNS) as Array<keyof TProjectUpdate>).map((k) => `${COLUMNS[k]} AS "${k}"`).join(", ");
    const { rows } = await client.query<TProjectRow>(`SELECT ${select} FROM projects WHERE id = $1 AND archived_at IS NULL FOR UPDATE`, [opts.projectId]);
    if (!rows[0]) throw new AppError("not_found", "No such project");
    before = rows[0];
    changed = fields.filter((k) => before[k] !== input[k]);
    if (changed.length) {
      const sets = changed.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(", ");
      await client.query(`UPDATE projects SET ${sets} WHERE id = $1`, [opts.projectId, ...changed.map((k) => input[k])]);
    }
    if (changed.includes("overlap")) {
      const units = await client.query(
        `UPDATE units SET target = $2 + escalations, open = judgment_count + lease_count < $2 + escalations
          WHERE project_id = $1 AND NOT is_gold AND target IS DISTINCT FROM $2 + escalations`,
        [opts.projectId, input.overlap],
      );
      retargetedUnits = units.rowCount ?? 0;
    }
    // switching to active sampling: priors from scores, judgments so far folded in, pairs
    // rescored, in the background after the commit
    if (changed.includes("sampling") && input.sampling === "active") refreshRequest = await requestPriorsRefresh(client, opts.projectId);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  if (changed.length) {
    const diff = Object.fromEntries(changed.map((k) => [k, k === "instructions" ? { changed: true } : { from: before[k], to: input[k] }]));
    await recordAudit({ actorId: opts.actorId, action: "project.update", targetType: "project", targetId: opts.projectId, details: { ...diff, retargetedUnits } });
  }
  if (refreshRequest !== null) schedulePriorsRefresh(opts.projectId);
  return { changed, retargetedUnits };
}

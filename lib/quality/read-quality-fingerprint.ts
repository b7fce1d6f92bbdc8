import "server-only";
import { getPool } from "@/lib/db/client";
import type { TQualityFilter } from "./schemas";

// A judgment's created_at is its transaction's start, so one that commits late carries an older
// time than judgments committed before it. Counting the judgments this close to the newest one
// catches those without counting the whole project.
const LATE_COMMIT_WINDOW = "10 minutes";

/**
 * A summary that changes whenever a cached quality view would, in a few index probes however
 * many judgments the project has: the newest created_at in the date range (a backward scan of
 * judgments(project_id, created_at)), the number of judgments within LATE_COMMIT_WINDOW of it,
 * and the gold pairs with their items' last update (setting, moving or clearing a gold answer
 * changes one or the other). A count of the whole range would take a second at a million
 * judgments. The rubric-version filter is left out: a judgment of another version only causes
 * a needless recomputation. Deleting judgments (they go only with their project, unit or user)
 * is caught by the cache's time-to-live instead.
 */
export async function readQualityFingerprint(opts: { projectId: string; filter: TQualityFilter }): Promise<string> {
  const { from, before } = opts.filter;
  const { rows } = await getPool().query<{ newest: string | null; recent: string; gold: string }>(
    `WITH newest AS (
       SELECT max(j.created_at) AS at FROM judgments j
        WHERE j.project_id = $1 AND ($2::timestamptz IS NULL OR j.created_at >= $2) AND ($3::timestamptz IS NULL OR j.created_at < $3)
     )
     SELECT newest.at::text AS newest,
            (SELECT count(*) FROM judgments j
              WHERE j.project_id = $1 AND j.created_at >= newest.at - interval '${LATE_COMMIT_WINDOW}'
                AND ($2::timestamptz IS NULL OR j.created_at >= $2) AND ($3::timestamptz IS NULL OR j.created_at < $3)) AS recent,
            (SELECT count(*) || '@' || coalesce(max((SELECT i.updated_at FROM items i WHERE i.id = u.item_id))::text, '')
               FROM units u WHERE u.project_id = $1 AND u.is_gold) AS gold
       FROM newest`,
    [opts.projectId, from, before],
  );
  const row = rows[0];
  return `${row.newest ?? "none"}+${row.recent}|gold ${row.gold}`;
}

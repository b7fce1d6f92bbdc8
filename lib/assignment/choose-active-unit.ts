import "server-only";
import type { PoolClient } from "pg";
import { chooseCandidate } from "@/lib/sampling";
import { SERVING_CANDIDATES, SERVING_TEMPERATURE } from "@/lib/ranking/serving-settings";
import { chooseRandomUnit, type TChosenUnit, type TProjectForChoice } from "./choose-unit";

// The top rows by materialised priority, read without locks from partial indexes
// (units_active_priority_idx / units_overlap_priority_idx: open, non-gold, and for the overlap
// reserve already judged), so neither branch filters past settled rows. Only the drawn row is
// then locked: locking all candidates made each request step over every row locked by the
// requests ahead of it under load.
const TOP_ACTIVE_SQL = `
  SELECT u.id, u.priority FROM units u
   WHERE u.project_id = $1 AND u.open AND NOT u.is_gold
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)
   ORDER BY u.priority DESC LIMIT ${SERVING_CANDIDATES}`;
const TOP_OVERLAP_SQL = `
  SELECT u.id, u.priority FROM units u
   WHERE u.project_id = $1 AND u.open AND NOT u.is_gold AND u.judgment_count > 0
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)
   ORDER BY u.priority DESC LIMIT ${SERVING_CANDIDATES}`;
const LOCK_SQL = "SELECT id FROM units WHERE id = $1 AND open FOR UPDATE SKIP LOCKED";
const MAX_DRAWS = 4;

type TCandidates = Array<{ id: string; priority: number }>;

async function topCandidates(client: PoolClient, opts: { projectId: string; userId: string; overlap: boolean }): Promise<TCandidates> {
  const { rows } = await client.query<TCandidates[number]>({
    name: opts.overlap ? "choose-active-top-overlap" : "choose-active-top",
    text: opts.overlap ? TOP_OVERLAP_SQL : TOP_ACTIVE_SQL,
    values: [opts.projectId, opts.userId],
  });
  return rows;
}

/**
 * Active choice for the non-gold share of assignments, a mixture of three draws:
 *   overlap (share r): softmax over the top already-judged units, so agreement statistics and
 *     escalation keep getting second and third labels;
 *   explore (ε of the rest): a uniform eligible unit, so every pair keeps a non-zero propensity
 *     and the inverse-propensity leaderboard stays unbiased;
 *   active (the remainder): softmax(priority / (T·max)) over the top candidates.
 * The stored propensity is the probability of the branch that drew the unit times its
 * probability within that branch (the chance that another branch would also have drawn it is
 * left out: it needs the other branch's candidate set). It is therefore a lower bound, exact for
 * units only one branch can reach; the caller multiplies in the non-gold share.
 */
export async function chooseActiveUnit(
  client: PoolClient,
  opts: { project: TProjectForChoice; userId: string; random: () => number; openCount: () => Promise<number> },
): Promise<TChosenUnit | null> {
  const { project, userId, random } = opts;
  const reserve = Math.min(Math.max(project.reserveShare, 0), 1);
  const epsilon = Math.min(Math.max(project.epsilon, 0), 1);

  if (reserve > 0 && random() < reserve) {
    const judged = await topCandidates(client, { projectId: project.id, userId, overlap: true });
    const picked = await drawAndLock(client, judged, random, reserve, "overlap");
    if (picked) return picked;
  }
  const share = 1 - reserve;
  if (epsilon > 0 && random() < epsilon) {
    const openCount = await opts.openCount();
    const explored = await chooseRandomUnit(client, { projectId: project.id, userId, random, openCount });
    if (explored) return { ...explored, propensity: share * explored.propensity * epsilon, reason: "explore" };
  }
  const top = await topCandidates(client, { projectId: project.id, userId, overlap: false });
  return drawAndLock(client, top, random, share * (1 - epsilon), "active");
}

// Draw by softmax, lock the drawn row; if another request holds it (or it just closed), drop it
// and draw again from the rest. The propensity is that of the first draw: a redraw happens only
// under contention, which leaves it approximate there.
async function drawAndLock(client: PoolClient, candidates: TCandidates, random: () => number, branchShare: number, reason: string): Promise<TChosenUnit | null> {
  let pool = candidates;
  for (let attempt = 0; attempt < MAX_DRAWS && pool.length; attempt++) {
    const choice = pickBySoftmax(pool, random, branchShare, reason);
    const { rows } = await client.query<{ id: string }>({ name: "choose-active-lock", text: LOCK_SQL, values: [choice.unitId] });
    if (rows[0]) return choice;
    pool = pool.filter((c) => c.id !== choice.unitId);
  }
  return null;
}

function pickBySoftmax(candidates: TCandidates, random: () => number, branchShare: number, reason: string): TChosenUnit {
  const { index, propensity } = chooseCandidate({ priorities: candidates.map((c) => c.priority), temperature: SERVING_TEMPERATURE, epsilon: 0, random });
  return { unitId: candidates[index].id, propensity: branchShare * propensity, reason };
}

import "server-only";
import { chooseCandidate } from "@/lib/sampling";
import { SERVING_CANDIDATES, SERVING_TEMPERATURE } from "@/lib/ranking/serving-settings";
import { leaseRandomUnit, type TLeaseTarget, type TProjectForChoice } from "./choose-unit";
import { leaseUnit, type TLeased, type TQueryable } from "./lease-unit";

// The top rows by materialised priority, read without locks from unit_priorities, the narrow copy
// of each unit's priority that the units triggers keep in step (prisma/migrations/
// 20261129170000_unit_priorities): its partial indexes hold only open, non-gold units, and for the
// overlap reserve only judged ones, so neither branch filters past settled rows, and rescoring a
// pair writes a small row there instead of a new entry in every index on units. Ties (a flat
// prior gives every pair the same priority) go by the unit's random key. Only the drawn row is
// then locked, by the lease statement itself: locking all candidates made each request step over
// every row locked by the requests ahead of it under load.
function topSql(opts: { overlap: boolean }): string {
  return `
  SELECT p.unit_id AS id, p.priority FROM unit_priorities p
   WHERE p.project_id = $1 AND p.is_open${opts.overlap ? " AND p.is_judged" : ""}
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = p.unit_id AND a.user_id = $2)
   ORDER BY p.priority DESC, p.rand LIMIT ${SERVING_CANDIDATES}`;
}
export const TOP_ACTIVE_SQL = topSql({ overlap: false });
const TOP_OVERLAP_SQL = topSql({ overlap: true });
const MAX_DRAWS = 4;

type TCandidates = Array<{ id: string; priority: number }>;

async function topCandidates(db: TQueryable, opts: { projectId: string; userId: string; overlap: boolean }): Promise<TCandidates> {
  const { rows } = await db.query<TCandidates[number]>({
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
 * units only one branch can reach; `share` (the non-gold share) is multiplied in.
 */
export async function leaseActiveUnit(
  db: TQueryable,
  opts: TLeaseTarget & { project: TProjectForChoice; random: () => number; share: number; openCount: () => Promise<number> },
): Promise<TLeased | null> {
  const { project, random } = opts;
  const reserve = Math.min(Math.max(project.reserveShare, 0), 1);
  const epsilon = Math.min(Math.max(project.epsilon, 0), 1);

  if (reserve > 0 && random() < reserve) {
    const judged = await topCandidates(db, { ...opts, overlap: true });
    const leased = await drawAndLease(db, opts, judged, opts.share * reserve, "overlap");
    if (leased) return leased;
  }
  const rest = opts.share * (1 - reserve);
  if (epsilon > 0 && random() < epsilon) {
    const openCount = await opts.openCount();
    const explored = await leaseRandomUnit(db, { ...opts, openCount, share: rest * epsilon, reason: "explore" });
    if (explored) return explored;
  }
  const top = await topCandidates(db, { ...opts, overlap: false });
  const active = await drawAndLease(db, opts, top, rest * (1 - epsilon), "active");
  if (active || !top.length) return active;
  // Every draw hit a pair another request holds (heavy load on a few top pairs): a uniform
  // eligible unit is still useful work, where answering "nothing to do" would idle the rater.
  const openCount = await opts.openCount();
  return leaseRandomUnit(db, { ...opts, openCount, share: rest * (1 - epsilon), reason: "explore" });
}

// Draw by softmax and lease the drawn row; if another request holds it (or it just closed), drop
// it and draw again from the rest. The propensity is that of the first draw: a redraw happens
// only under contention, which leaves it approximate there.
async function drawAndLease(db: TQueryable, opts: TLeaseTarget & { random: () => number }, candidates: TCandidates, branchShare: number, reason: string): Promise<TLeased | null> {
  let pool = candidates;
  for (let attempt = 0; attempt < MAX_DRAWS && pool.length; attempt++) {
    const { index, propensity } = chooseCandidate({ priorities: pool.map((c) => c.priority), temperature: SERVING_TEMPERATURE, epsilon: 0, random: opts.random });
    const unitId = pool[index].id;
    const leased = await leaseUnit(db, { ...opts, pick: { kind: "unit", unitId }, propensity: branchShare * propensity, reason });
    if (leased) return leased;
    pool = pool.filter((c) => c.id !== unitId);
  }
  return null;
}

import "server-only";
import { chooseCandidate } from "@/lib/sampling";
import { SERVING_CANDIDATES, SERVING_TEMPERATURE } from "@/lib/ranking/serving-settings";
import { bestPairPerItem, CandidateCache, type TCandidate } from "./candidate-cache";
import { leaseRandomUnit, type TLeaseTarget, type TProjectForChoice } from "./choose-unit";
import { tryLeaseUnit, type TLeased, type TQueryable } from "./lease-unit";

// The top rows by materialised priority, read without locks from unit_priorities: one narrow row
// per unit holding its priority (kept only there, written by the learner and by refits) beside
// copies of its item, random key and eligibility that the units triggers keep in step
// (prisma/migrations/20261129170000_unit_priorities, 20261129190000_priority_only_in_unit_priorities).
// Its partial indexes hold only open, non-gold units, and for the overlap reserve only judged
// ones, so neither branch filters past settled rows, and rescoring a pair writes a small row there
// instead of a new entry in every index on units. Ties (a flat
// prior gives every pair the same priority) go by the unit's random key. Only the drawn row is
// then locked, by the lease statement itself: locking all candidates made each request step over
// every row locked by the requests ahead of it under load.
//
// Two reads of it: the shared one (not filtered per rater, kept in process memory by
// CandidateCache), which serves nearly every choice, and the exact one per rater, for when every
// draw from the shared list failed (a small project whose top pairs this rater has all seen, or
// a list gone stale).
//
// The shared list keeps the best pair of each item only (up to CACHED_ROWS items, from the top
// SHARED_SCAN rows), and a lease drops the leased pair's item from it. The pairs of one item have
// close priorities (a fresh item's pairs are all uncertain), so without that a window's choices
// landed on a few items' pairs at once, queued on their rows, and taught the model less than the
// same labels spread over distinct items (as batch-mode active learning recommends).
function topSql(opts: { overlap: boolean; perRater: boolean }): string {
  const filter = `p.project_id = $1 AND p.is_open${opts.overlap ? " AND p.is_judged" : ""}`;
  if (!opts.perRater) {
    return `
  SELECT p.unit_id AS id, p.priority, p.item_id AS "itemId" FROM unit_priorities p
   WHERE ${filter}
   ORDER BY p.priority DESC, p.rand LIMIT $2`;
  }
  return `
  SELECT p.unit_id AS id, p.priority FROM unit_priorities p
   WHERE ${filter}
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = p.unit_id AND a.user_id = $2)
   ORDER BY p.priority DESC, p.rand LIMIT ${SERVING_CANDIDATES}`;
}
/** The shared list's read of the active branch ($1 project, $2 SHARED_SCAN): what serves nearly every choice. */
export const TOP_SHARED_ACTIVE_SQL = topSql({ overlap: false, perRater: false });
const TOP_SQL = {
  shared: { active: TOP_SHARED_ACTIVE_SQL, overlap: topSql({ overlap: true, perRater: false }) },
  perRater: { active: topSql({ overlap: false, perRater: true }), overlap: topSql({ overlap: true, perRater: true }) },
};
const MAX_DRAWS = 4;
/** Items kept per project and branch: leases drop items, so a window needs more than one draw's worth. */
const CACHED_ROWS = 4 * SERVING_CANDIDATES;
/** Top rows read to find them (K responses give K(K−1)/2 pairs per item). */
export const SHARED_SCAN = 2 * CACHED_ROWS;
const cache = new CandidateCache({ ttlMs: Number(process.env.ACTIVE_CANDIDATES_TTL_MS ?? 250) });

type TBranch = "active" | "overlap";
type TSource = { cacheKey: string | null };

async function readTop(db: TQueryable, opts: { projectId: string; userId: string; branch: TBranch; perRater: boolean }): Promise<TCandidate[]> {
  const values = opts.perRater ? [opts.projectId, opts.userId] : [opts.projectId, SHARED_SCAN];
  const { rows } = await db.query<TCandidate>({
    name: `choose-${opts.branch}-top${opts.perRater ? "" : "-shared"}`,
    text: TOP_SQL[opts.perRater ? "perRater" : "shared"][opts.branch],
    values,
  });
  return opts.perRater ? rows : bestPairPerItem(rows, CACHED_ROWS);
}

// The shared list first; if every draw from it failed, the rater's own exact list.
async function drawFromTop(db: TQueryable, opts: TLeaseTarget & { random: () => number }, branch: TBranch, branchShare: number, reason: string): Promise<{ leased: TLeased | null; isEmpty: boolean }> {
  const cacheKey = `${opts.projectId}:${branch}`;
  const shared = await cache.get(cacheKey, () => readTop(db, { ...opts, branch, perRater: false }));
  if (shared.length) {
    const leased = await drawAndLease(db, opts, shared.slice(0, SERVING_CANDIDATES), { cacheKey }, branchShare, reason);
    if (leased) return { leased, isEmpty: false };
  }
  // The overlap read itself found no judged open pair (a project's first labels): the rater's own
  // list is a subset of it, so reading it would cost a round trip on every reserved draw, and the
  // caller goes on to the active branch anyway. The active branch still reads the rater's list:
  // a shared read up to 250 ms old must not tell a rater there is nothing to do.
  if (branch === "overlap" && cache.wasReadEmpty(cacheKey)) return { leased: null, isEmpty: true };
  const own = await readTop(db, { ...opts, branch, perRater: true });
  return { leased: await drawAndLease(db, opts, own, { cacheKey: null }, branchShare, reason), isEmpty: !own.length };
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
    const { leased } = await drawFromTop(db, opts, "overlap", opts.share * reserve, "overlap");
    if (leased) return leased;
  }
  const rest = opts.share * (1 - reserve);
  if (epsilon > 0 && random() < epsilon) {
    const openCount = await opts.openCount();
    const explored = await leaseRandomUnit(db, { ...opts, openCount, share: rest * epsilon, reason: "explore" });
    if (explored) return explored;
  }
  const { leased: active, isEmpty } = await drawFromTop(db, opts, "active", rest * (1 - epsilon), "active");
  if (active || isEmpty) return active;
  // Every draw hit a pair another request holds (heavy load on a few top pairs): a uniform
  // eligible unit is still useful work, where answering "nothing to do" would idle the rater.
  const openCount = await opts.openCount();
  return leaseRandomUnit(db, { ...opts, openCount, share: rest * (1 - epsilon), reason: "explore" });
}

// Draw by softmax and lease the drawn row; if the lease finds it closed or held by another
// request, drop it (from the shared list too) and draw again from the rest; a row this rater has
// had is dropped from this draw only. The item of a pair this process has just leased also
// leaves the shared list until its next read: its priorities do not move until the judgment comes
// back, so without that every request of the window drew the same few top pairs, queued on their
// row locks, and most draws found them closed (with overlap 3, the fourth lease finds it full).
// The propensity is that of the first draw: a redraw happens only under contention or on a stale
// shared list, which leaves it approximate there.
async function drawAndLease(db: TQueryable, opts: TLeaseTarget & { random: () => number }, candidates: TCandidate[], source: TSource, branchShare: number, reason: string): Promise<TLeased | null> {
  let pool = candidates;
  for (let attempt = 0; attempt < MAX_DRAWS && pool.length; attempt++) {
    const { index, propensity } = chooseCandidate({ priorities: pool.map((c) => c.priority), temperature: SERVING_TEMPERATURE, epsilon: 0, random: opts.random });
    const unitId = pool[index].id;
    const outcome = await tryLeaseUnit(db, { ...opts, pick: { kind: "unit", unitId }, propensity: branchShare * propensity, reason });
    const itemId = pool[index].itemId;
    if (outcome.kind === "unavailable" && source.cacheKey) cache.drop(source.cacheKey, (c) => c.id === unitId);
    if (outcome.kind === "leased" && source.cacheKey) cache.drop(source.cacheKey, (c) => c.id === unitId || (itemId !== undefined && c.itemId === itemId));
    if (outcome.kind === "leased") return outcome.leased;
    pool = pool.filter((c) => c.id !== unitId);
  }
  return null;
}

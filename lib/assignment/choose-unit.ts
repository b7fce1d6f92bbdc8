import "server-only";
import { leaseUnit, type TLeased, type TQueryable } from "./lease-unit";

export type { TChosenUnit, TLeased } from "./lease-unit";
export type TProjectForChoice = { id: string; sampling: "random" | "active"; goldRate: number; epsilon: number; reserveShare: number };
export type TLeaseTarget = { projectId: string; userId: string; leaseSeconds: number };

export const DEFAULT_LEASE_SECONDS = 1800;

// A uniform eligible unit, leased in the same statement; `share` is the probability of the branch
// that chose to sample uniformly. The propensity only needs the open count approximately
// (lib/assignment/count-open-units.ts caches it).
export async function leaseRandomUnit(db: TQueryable, opts: TLeaseTarget & { random: () => number; openCount: number; share: number; reason?: string }): Promise<TLeased | null> {
  return leaseUnit(db, {
    ...opts,
    pick: { kind: "random", start: opts.random() },
    propensity: opts.share / Math.max(1, opts.openCount),
    reason: opts.reason ?? "random",
  });
}

// Gold units are few: read up to eight unseen open ones, draw one, lease it; a drawn unit that
// another request holds (or that has just closed) is dropped and another drawn.
const GOLD_CANDIDATES_SQL = `SELECT u.id FROM units u
  WHERE u.project_id = $1 AND u.is_gold AND u.open
    AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.unit_id = u.id AND a.user_id = $2)
  ORDER BY u.rand LIMIT 8`;

export async function leaseGoldUnit(db: TQueryable, opts: TLeaseTarget & { random: () => number; share: number }): Promise<TLeased | null> {
  const { rows } = await db.query<{ id: string }>({ name: "choose-gold-candidates", text: GOLD_CANDIDATES_SQL, values: [opts.projectId, opts.userId] });
  const propensity = opts.share / Math.max(1, rows.length);
  let candidates = rows.map((r) => r.id);
  while (candidates.length) {
    const unitId = candidates[Math.min(candidates.length - 1, Math.max(0, Math.floor(opts.random() * candidates.length)))];
    const leased = await leaseUnit(db, { ...opts, pick: { kind: "unit", unitId }, propensity, reason: "gold" });
    if (leased) return leased;
    candidates = candidates.filter((id) => id !== unitId);
  }
  return null;
}

import "server-only";
import { leaseActiveUnit } from "./choose-active-unit";
import { DEFAULT_LEASE_SECONDS, leaseGoldUnit, leaseRandomUnit, type TLeased, type TProjectForChoice } from "./choose-unit";
import { countOpenUnits } from "./count-open-units";
import type { TQueryable } from "./lease-unit";

// The one place a strategy is picked, and the unit leased to the rater. Gold is served at the
// project's rate and looks like any other unit to the annotator. Active sampling needs pairs
// (rating and ranking units have no pair posterior to rank by), so other modes sample at random
// whatever the setting says.
export async function chooseUnitForProject(
  db: TQueryable,
  opts: { project: TProjectForChoice & { mode?: string; leaseSeconds?: number }; userId: string; random: () => number },
): Promise<TLeased | null> {
  const { project, random } = opts;
  const target = { projectId: project.id, userId: opts.userId, leaseSeconds: project.leaseSeconds ?? DEFAULT_LEASE_SECONDS, random };
  const goldRate = Math.max(0, Math.min(project.goldRate, 1));
  if (goldRate > 0 && random() < goldRate) {
    const gold = await leaseGoldUnit(db, { ...target, share: goldRate });
    if (gold) return gold;
  }
  const share = 1 - goldRate;
  const picked =
    project.sampling === "active" && (project.mode ?? "pairwise") === "pairwise"
      ? await leaseActiveUnit(db, { ...target, project, share, openCount: () => countOpenUnits(db, project.id) })
      : await leaseRandomUnit(db, { ...target, share, openCount: await countOpenUnits(db, project.id) });
  if (picked) return picked;
  // nothing ordinary left: a gold unit not yet seen is still useful work
  return leaseGoldUnit(db, { ...target, share: 1 });
}

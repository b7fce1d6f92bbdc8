import "server-only";
import type { PoolClient } from "pg";
import { chooseActiveUnit } from "./choose-active-unit";
import { chooseGoldUnit, chooseRandomUnit, type TChosenUnit, type TProjectForChoice } from "./choose-unit";
import { countOpenUnits } from "./count-open-units";

// The one place a strategy is picked. Gold is served at the project's rate and looks like any
// other unit to the annotator. Active sampling needs pairs (rating and ranking units have no
// pair posterior to rank by), so other modes sample at random whatever the setting says.
export async function chooseUnitForProject(
  client: PoolClient,
  opts: { project: TProjectForChoice & { mode?: string }; userId: string; random: () => number },
): Promise<TChosenUnit | null> {
  const { project, userId, random } = opts;
  if (project.goldRate > 0 && random() < project.goldRate) {
    const gold = await chooseGoldUnit(client, { projectId: project.id, userId, random });
    if (gold) return { ...gold, propensity: gold.propensity * project.goldRate };
  }
  const nonGoldShare = 1 - Math.max(0, Math.min(project.goldRate, 1));
  let picked: TChosenUnit | null;
  if (project.sampling === "active" && (project.mode ?? "pairwise") === "pairwise") {
    const active = await chooseActiveUnit(client, { project, userId, random, openCount: () => countOpenUnits(client, project.id) });
    picked = active && { ...active, propensity: active.propensity * nonGoldShare };
  } else {
    const openCount = await countOpenUnits(client, project.id);
    picked = await chooseRandomUnit(client, { projectId: project.id, userId, random, openCount });
  }
  if (picked) return picked;
  // nothing ordinary left: a gold unit not yet seen is still useful work
  return chooseGoldUnit(client, { projectId: project.id, userId, random });
}

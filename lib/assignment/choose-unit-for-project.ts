import "server-only";
import type { PoolClient } from "pg";
import { chooseGoldUnit, chooseRandomUnit, type TChosenUnit, type TProjectForChoice } from "./choose-unit";
import { countOpenUnits } from "./count-open-units";

// The one place a strategy is picked. Gold is served at the project's rate and looks like any
// other unit to the annotator.
export async function chooseUnitForProject(
  client: PoolClient,
  opts: { project: TProjectForChoice; userId: string; random: () => number },
): Promise<TChosenUnit | null> {
  const { project, userId, random } = opts;
  if (project.goldRate > 0 && random() < project.goldRate) {
    const gold = await chooseGoldUnit(client, { projectId: project.id, userId, random });
    if (gold) return { ...gold, propensity: gold.propensity * project.goldRate };
  }
  const openCount = await countOpenUnits(client, project.id);
  const picked = await chooseRandomUnit(client, { projectId: project.id, userId, random, openCount });
  if (picked) return picked;
  // nothing ordinary left: a gold unit not yet seen is still useful work
  return chooseGoldUnit(client, { projectId: project.id, userId, random });
}

import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { buildRankings } from "./build-rankings";
import { getPriorsStatus } from "./get-priors-status";
import { loadRankingInputs } from "./load-ranking-inputs";
import type { TPriorsStatus, TRankings, TRankingsQuery } from "./schemas";

/**
 * What the judgments say so far (GET /api/v1/projects/{id}/rankings), plus where the background
 * priors refresh stands (`priors`, an extension of the contract). Staff only.
 */
export async function getProjectRankings(opts: { caller: TCaller; projectId: string; query?: TRankingsQuery }): Promise<TRankings & { priors: TPriorsStatus }> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const [inputs, priors] = await Promise.all([loadRankingInputs({ projectId: opts.projectId, limit: opts.query?.limit, offset: opts.query?.offset }), getPriorsStatus(opts.projectId)]);
  return { ...buildRankings({ items: inputs.items, judgments: inputs.judgments, isWeighted: inputs.project.sampling === "active" }), priors };
}

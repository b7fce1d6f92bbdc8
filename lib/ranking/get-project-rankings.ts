import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { buildRankings } from "./build-rankings";
import { loadRankingInputs } from "./load-ranking-inputs";
import type { TRankings, TRankingsQuery } from "./schemas";

/** What the judgments say so far (GET /api/v1/projects/{id}/rankings). Staff only. */
export async function getProjectRankings(opts: { caller: TCaller; projectId: string; query?: TRankingsQuery }): Promise<TRankings> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const inputs = await loadRankingInputs({ projectId: opts.projectId, limit: opts.query?.limit, offset: opts.query?.offset });
  return buildRankings({ items: inputs.items, judgments: inputs.judgments, isWeighted: inputs.project.sampling === "active" });
}

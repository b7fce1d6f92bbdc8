import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { buildConfidenceCurve } from "./build-confidence-curve";
import { loadProjectPriors } from "./load-project-priors";
import { loadRankingInputs } from "./load-ranking-inputs";
import { FLAT_PRIOR } from "./serving-settings";
import type { TConfidencePoint } from "./schemas";

/** Ranking confidence against labels spent for the whole project (the rankings page's chart). */
export async function getConfidenceCurve(opts: { caller: TCaller; projectId: string }): Promise<TConfidencePoint[]> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const [inputs, priors] = await Promise.all([loadRankingInputs({ projectId: opts.projectId }), loadProjectPriors(opts.projectId)]);
  return buildConfidenceCurve({
    priors: inputs.items.map((item) => item.responses.map((r) => priors.get(r.id) ?? FLAT_PRIOR)),
    judgments: inputs.judgments,
  });
}

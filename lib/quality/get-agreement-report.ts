import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { decorateRaters, MIN_GOLD_JUDGMENTS } from "./decorate-raters";
import { getQualitySnapshot } from "./get-quality-snapshot";
import { loadRaterIdentities } from "./load-rater-identities";
import { toFilterView, type TQualityQuery } from "./schemas";
import type { TAgreementReportView } from "./types";

/**
 * The project's agreement report for staff (API.md "Agreement report", extended) from the cached
 * quality snapshot. Identities, paused states and flags are read fresh every time.
 */
export async function getAgreementReport(opts: { caller: TCaller; projectId: string; query: TQualityQuery }): Promise<TAgreementReportView> {
  const { project, snapshot } = await getQualitySnapshot(opts);
  const { report } = snapshot;
  const identities = await loadRaterIdentities({ projectId: project.id, userIds: report.raters.map((r) => r.rater) });
  return {
    judgments: report.judgments,
    units: report.units,
    overall: report.overall,
    aspects: report.aspects,
    raters: decorateRaters({ raters: report.raters, goldJudgments: snapshot.goldJudgments, identities, goldThreshold: project.goldThreshold }),
    project: { id: project.id, mode: project.mode, goldThreshold: project.goldThreshold, minGoldJudgments: MIN_GOLD_JUDGMENTS, rubricVersions: project.rubricVersions },
    filter: toFilterView(opts.query),
    activeSeconds: snapshot.activeSeconds,
    computedAt: snapshot.computedAt,
  };
}

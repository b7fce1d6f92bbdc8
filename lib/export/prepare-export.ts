import "server-only";
import type { PoolClient } from "pg";
import type { TBuildRowsOptions } from "./build-options";
import { buildRaterFilter, type TRaterFilter } from "./build-judgment-filter-sql";
import { createBtScorer } from "./create-bt-scorer";
import type { TExportSummary } from "./export-summary";
import { loadExportItems, type TExportColumns } from "./load-export-items";
import { loadExportProject, type TExportProject } from "./load-export-project";
import { loadRaterGoldStanding, type TRaterGoldStanding } from "./load-rater-gold-standing";
import { loadRaterWeights } from "./load-rater-weights";
import { createRaterPseudonyms } from "./pseudonymize-rater";
import { effectiveMarginScheme, type TExportParams, type TExportSplit } from "./schemas";

export type TPreparedExport = {
  client: PoolClient;
  project: TExportProject;
  standing: Map<string, TRaterGoldStanding>;
  raters: TRaterFilter;
  raterWeights?: Map<string, number>;
  aspectKeys: string[];
  signal?: AbortSignal;
};

/** Reads what every pass of an export shares: the project, rater standing and (optionally) weights. */
export async function prepareExport(
  client: PoolClient,
  { projectId, params, signal }: { projectId: string; params: TExportParams; signal?: AbortSignal },
): Promise<TPreparedExport> {
  const project = await loadExportProject(client, { projectId, rubricVersion: params.rubricVersion });
  const standing = await loadRaterGoldStanding(client, { projectId, threshold: project.goldThreshold });
  const raters = buildRaterFilter({ filter: params, standing });
  const raterWeights =
    params.weights === "reliability"
      ? await loadRaterWeights({ client, projectId, filter: params, raters, pseudonym: createRaterPseudonyms(projectId) })
      : undefined;
  return { client, project, standing, raters, raterWeights, aspectKeys: project.rubric?.aspects.map((a) => a.key) ?? [], signal };
}

/** Which optional columns the export's row builders read (the loader leaves the others out). */
export function readsColumns(params: TExportParams): TExportColumns {
  return {
    details: params.format === "raw",
    aspects: params.aspect !== undefined,
    propensity: params.aggregation === "bt" || effectiveMarginScheme(params) === "bt",
    createdAt: params.from !== undefined || params.to !== undefined,
    tests: params.format === "prompts",
  };
}

/** The row builders' options for one pass: items of `split` streamed from the snapshot. */
export function buildPassOptions(
  prepared: TPreparedExport,
  { params, split, summary }: { params: TExportParams; split?: TExportSplit; summary?: TExportSummary },
): TBuildRowsOptions {
  const passParams = split ? { ...params, split } : params;
  const items = loadExportItems({
    client: prepared.client,
    projectId: prepared.project.id,
    filter: params,
    raters: prepared.raters,
    standing: prepared.standing,
    minRaters: params.minRaters,
    split: { split: passParams.split, testShare: params.testShare },
    columns: readsColumns(passParams),
    signal: prepared.signal,
  });
  return {
    items,
    params: passParams,
    raterWeights: prepared.raterWeights,
    // aggregatePairs and rankResponses call it only for aggregation=bt or margin=bt
    btScorer: createBtScorer(),
    aspectKeys: prepared.aspectKeys,
    summary,
  };
}

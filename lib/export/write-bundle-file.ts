import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { buildDatasetCard, type TCardConfig } from "./build-dataset-card";
import { createExportSummary, type TExportSummary } from "./export-summary";
import { DEFAULT_BUNDLE_CONFIGS, type TExportRequest } from "./parse-export-request";
import { buildPassOptions, type TPreparedExport } from "./prepare-export";
import type { TExportFormat } from "./schemas";
import { bundlePath, writeBundle, type TBundleFile } from "./write-bundle";
import { writeChunksToFile } from "./write-chunks-to-file";
import { writeExportFile } from "./write-export-file";

type TBundleRequest = Extract<TExportRequest, { kind: "bundle" }>;
export type TWrittenBundle = { sha256: string; bytes: number; files: { path: string; rows: number }[]; summary: TExportSummary };

const PAIR_FORMATS: TExportFormat[] = ["dpo", "reward", "kto"];

/**
 * A Hugging Face dataset bundle. Each config and split is first written as Parquet to a scratch
 * folder (the card states row counts, known only once the files exist), then README.md and the
 * files are archived into `filePath`. Every pass reads the same snapshot.
 */
export async function writeBundleFile({
  prepared,
  request,
  filePath,
  scratch,
}: {
  prepared: TPreparedExport;
  request: TBundleRequest;
  filePath: string;
  scratch: string;
}): Promise<TWrittenBundle> {
  const { params } = request;
  const configs = request.configs ?? DEFAULT_BUNDLE_CONFIGS[prepared.project.mode];
  const splits = params.split === "all" ? (["train", "test"] as const) : [params.split];
  await fs.mkdir(scratch, { recursive: true });
  try {
    const files: TBundleFile[] = [];
    const cardConfigs: TCardConfig[] = [];
    const summaries = new Map<TExportFormat, TExportSummary>();
    for (const config of configs) {
      const summary = createExportSummary();
      summaries.set(config, summary);
      const cardSplits: TCardConfig["splits"] = [];
      for (const split of splits) {
        const partPath = path.join(scratch, `${config}-${split}.parquet`);
        const options = buildPassOptions(prepared, { params: { ...params, format: config, file: "parquet" }, split, summary });
        const written = await writeExportFile({ options, filePath: partPath });
        files.push({ config, split, size: written.bytes, chunks: () => createReadStream(partPath) });
        cardSplits.push({ split, path: bundlePath({ config, split }), rows: written.rows });
      }
      cardConfigs.push({ name: config, splits: cardSplits });
    }
    // the card's judgment counts come from a pair format when there is one: it also knows ties and both-bad
    const cardFormat = configs.find((c) => PAIR_FORMATS.includes(c)) ?? configs[0];
    const summary = summaries.get(cardFormat) ?? createExportSummary();
    const { project } = prepared;
    const card = buildDatasetCard({
      title: project.name,
      license: request.license,
      languages: ["en"],
      tags: ["code", "preference", ...project.languages, ...configs].filter((t, i, all) => all.indexOf(t) === i),
      configs: cardConfigs,
      summary,
      params,
      rubric: project.rubric,
    });
    const { sha256, bytes } = await writeChunksToFile({ chunks: writeBundle({ archive: request.archive, card, files }), filePath });
    return { sha256, bytes, files: cardConfigs.flatMap((c) => c.splits.map((s) => ({ path: s.path, rows: s.rows }))), summary };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

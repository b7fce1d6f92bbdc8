import { AGREEMENT_THRESHOLD } from "./aggregate-pairs";
import { MIN_PROPENSITY } from "./build-comparisons";
import { meanAgreement, type TExportSummary } from "./export-summary";
import { effectiveMarginScheme, type TExportParams } from "./schemas";

export type TCardConfig = { name: string; splits: { split: string; path: string; rows: number }[] };
export type TCardRubric = { version: number; aspects: { key: string; label: string; description?: string; scale?: string }[] };

export type TDatasetCardInput = {
  title: string;
  description?: string;
  license: string;
  /** Natural languages of the prompts (ISO 639-1), e.g. ["en"]. */
  languages: string[];
  tags: string[];
  configs: TCardConfig[];
  summary: TExportSummary;
  params: TExportParams;
  rubric?: TCardRubric | null;
};

const SIZE_CATEGORIES: Array<[number, string]> = [
  [1e3, "n<1K"], [1e4, "1K<n<10K"], [1e5, "10K<n<100K"], [1e6, "100K<n<1M"], [1e7, "1M<n<10M"], [1e8, "10M<n<100M"], [1e9, "100M<n<1B"],
];

export function sizeCategory(rows: number): string {
  return SIZE_CATEGORIES.find(([limit]) => rows < limit)?.[1] ?? "n>1B";
}

/** A YAML scalar: plain when unambiguous, otherwise a JSON string (valid YAML double-quoted). */
function yamlScalar(value: string): string {
  const isPlain = /^[A-Za-z0-9][A-Za-z0-9_.\-/<>]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[0-9.eE+-]+)$/i.test(value);
  return isPlain ? value : JSON.stringify(value);
}

function buildFrontMatter(input: TDatasetCardInput): string {
  const rows = Math.max(0, ...input.configs.map((c) => c.splits.reduce((sum, s) => sum + s.rows, 0)));
  const lines = ["---", `license: ${yamlScalar(input.license)}`];
  const pushList = (key: string, values: string[]) => {
    lines.push(values.length ? `${key}:` : `${key}: []`);
    for (const value of values) lines.push(`- ${yamlScalar(value)}`);
  };
  pushList("language", input.languages);
  pushList("tags", input.tags);
  pushList("size_categories", [sizeCategory(rows)]);
  lines.push("configs:");
  for (const config of input.configs) {
    lines.push(`- config_name: ${yamlScalar(config.name)}`, "  data_files:");
    for (const s of config.splits) lines.push(`  - split: ${yamlScalar(s.split)}`, `    path: ${yamlScalar(s.path)}`);
  }
  lines.push("---");
  return lines.join("\n");
}

function describeAggregation(params: TExportParams): string[] {
  const margin = effectiveMarginScheme(params);
  const subject = params.aspect ? `the \`${params.aspect}\` aspect's values` : "the overall preference";
  const rule =
    params.aggregation === "majority"
      ? `Majority of ${subject}: a pair is kept when at least ${AGREEMENT_THRESHOLD === 2 / 3 ? "2/3" : AGREEMENT_THRESHOLD.toFixed(3)} of its (weighted) non-tie judgments agree on the winner, the mean strength |s| is at least 0.5 and the agreeing weight exceeds the both-bad weight.`
      : `Bradley–Terry fitted per prompt on ${subject} (ties as half-wins; actively sampled pairs weighted by 1/propensity, propensity floored at ${MIN_PROPENSITY}); a judged pair is oriented by the fitted scores.`;
  const marginText = {
    none: "No margin.",
    small: "Margin from strength (Llama 2 \"small\"): 1, 2/3, 1/3, 0 for much / better / slightly / negligibly better.",
    large: "Margin from strength (Llama 2 \"large\"): 3, 2, 1, 0.",
    bt: "Margin is the Bradley–Terry score gap (chosen − rejected), floored at 0.",
  }[margin];
  return [
    `- ${rule}`,
    `- A pair is both-bad when at least 2/3 of its judgments say so, a tie when at least 2/3 of the rest are ties; both are left out of preference pairs (KTO: ties give two \`true\` rows, both-bad two \`false\` rows).`,
    "- Pairs whose two responses are equal after whitespace normalisation are dropped.",
    `- ${marginText}`,
    `- Rater weights: ${params.weights === "reliability" ? "by rater reliability" : "equal"}. Minimum raters per pair: ${params.minRaters}.`,
  ];
}

function describeFilters(params: TExportParams): string {
  const parts = [
    params.rubricVersion !== undefined ? `rubric version ${params.rubricVersion}` : "all rubric versions",
    params.from ? `from ${params.from.toISOString()}` : null,
    params.to ? `to ${params.to.toISOString()}` : null,
    params.excludeFlagged ? "flagged judgments excluded" : null,
    params.goldPassingOnly ? "only raters passing gold checks" : null,
  ];
  return parts.filter((p): p is string => p !== null).join("; ");
}

/** README.md for a Hugging Face dataset: YAML front matter (configs, splits) and the data statement. */
export function buildDatasetCard(input: TDatasetCardInput): string {
  const { summary, params } = input;
  const agreement = meanAgreement(summary);
  const dropped = Object.entries(summary.dropped).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = [
    "",
    `# ${input.title}`,
    "",
    input.description ?? "Code written by language models, judged by expert programmers.",
    "",
    "## Configurations",
    "",
    "| config | split | rows | file |",
    "|---|---|---:|---|",
    ...input.configs.flatMap((c) => c.splits.map((s) => `| ${c.name} | ${s.split} | ${s.rows} | \`${s.path}\` |`)),
    "",
    "## Judgments",
    "",
    `- Prompts: ${summary.items}; judgments: ${summary.judgments}; raters: ${summary.raters.size} (pseudonymous ids).`,
    `- Pairs kept: ${summary.pairsKept}; ties: ${summary.ties}; both-bad: ${summary.bothBad}.`,
    ...(dropped.length ? [`- Pairs dropped: ${dropped.map(([reason, n]) => `${reason} ${n}`).join(", ")}.`] : []),
    `- Mean agreement of kept pairs: ${agreement === null ? "n/a" : agreement.toFixed(3)}.`,
    `- Filters: ${describeFilters(params)}.`,
    "",
    "## Aggregation",
    "",
    ...describeAggregation(params),
    "",
    "## Splits",
    "",
    `Split by prompt: a prompt is in \`test\` when the first 52 bits of sha256(prompt id), read as a fraction, are below ${params.testShare}; otherwise \`train\`. A re-export keeps every prompt in its split and no prompt appears in both.`,
    "",
    "## Rubric",
    "",
    ...(input.rubric
      ? [`Version ${input.rubric.version}.`, "", ...input.rubric.aspects.map((a) => `- **${a.label}** (\`${a.key}\`${a.scale ? `, ${a.scale}` : ""})${a.description ? `: ${a.description}` : ""}`)]
      : ["Not recorded."]),
    "",
  ];
  return `${buildFrontMatter(input)}\n${body.join("\n")}`;
}

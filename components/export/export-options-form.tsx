"use client";
import type { TExportOptions } from "./export-options";

type TProps = { options: TExportOptions; onChange: (next: TExportOptions) => void; aspectKeys: string[]; rubricVersions: number[] };

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-slate-500 focus:outline-none";

function Select({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: Array<[string, string]> }) {
  return (
    <label className="block text-xs font-medium text-slate-600">
      {label}
      <select className={input} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}

function Field({ label, ...props }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-xs font-medium text-slate-600">
      {label}
      <input className={input} {...props} />
    </label>
  );
}

function Check({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700" title={hint}>
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

const FORMATS: Array<[string, string]> = [
  ["dpo", "DPO pairs (prompt, chosen, rejected)"], ["reward", "Reward pairs with margin"], ["kto", "KTO (completion, label)"],
  ["ratings", "Ratings per response"], ["rankings", "Rankings per prompt"], ["raw", "Raw judgments"], ["sft", "SFT (best response)"], ["prompts", "Prompts for RL"],
];

export function ExportOptionsForm({ options, onChange, aspectKeys, rubricVersions }: TProps) {
  const set = <K extends keyof TExportOptions>(key: K) => (value: TExportOptions[K]) => onChange({ ...options, [key]: value });
  const csvAllowed = options.format === "raw" || options.format === "ratings";
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="export-options">
      <Select label="Format" value={options.format} onChange={set("format")} options={FORMATS} />
      <Select
        label="File"
        value={options.file}
        onChange={set("file")}
        options={[["jsonl", "JSON Lines"], ["parquet", "Parquet"], ...(csvAllowed ? [["csv", "CSV"] as [string, string]] : []), ["bundle", "Hugging Face bundle"]]}
      />
      {options.file === "bundle" && <Select label="Archive" value={options.archive} onChange={set("archive")} options={[["tar.gz", ".tar.gz"], ["zip", ".zip"]]} />}
      <Select label="Split" value={options.split} onChange={set("split")} options={[["all", "all"], ["train", "train"], ["test", "test"]]} />
      <Field label="Test share" type="number" min={0} max={1} step={0.05} value={options.testShare} onChange={(e) => set("testShare")(e.target.value)} />
      <Select label="Aggregation" value={options.aggregation} onChange={set("aggregation")} options={[["majority", "Majority (≥ 2/3 agree)"], ["bt", "Bradley–Terry per prompt"]]} />
      <Select
        label="Margin"
        value={options.margin}
        onChange={set("margin")}
        options={[["", "default (reward: small)"], ["none", "none"], ["small", "small (1, 2/3, 1/3, 0)"], ["large", "large (3, 2, 1, 0)"], ["bt", "Bradley–Terry gap"]]}
      />
      <Select label="Aspect" value={options.aspect} onChange={set("aspect")} options={[["", "overall preference"], ...aspectKeys.map((k): [string, string] => [k, k])]} />
      <Select label="Rater weights" value={options.weights} onChange={set("weights")} options={[["none", "equal"], ["reliability", "by reliability (Dawid–Skene)"]]} />
      <Field label="Minimum raters" type="number" min={1} step={1} value={options.minRaters} onChange={(e) => set("minRaters")(e.target.value)} />
      <Select label="Rubric version" value={options.rubricVersion} onChange={set("rubricVersion")} options={[["", "all versions"], ...rubricVersions.map((v): [string, string] => [String(v), `v${v}`])]} />
      <Field label="From" type="date" value={options.from} onChange={(e) => set("from")(e.target.value)} />
      <Field label="To" type="date" value={options.to} onChange={(e) => set("to")(e.target.value)} />
      <div className="space-y-2 sm:col-span-2 lg:col-span-4 lg:flex lg:gap-6 lg:space-y-0">
        <Check label="Conversational (role/content messages)" checked={options.conversational} onChange={set("conversational")} />
        <Check label="Implicit prompt (hh-rlhf style)" checked={options.implicitPrompt} onChange={set("implicitPrompt")} />
        <Check label="Exclude flagged raters" checked={options.excludeFlagged} onChange={set("excludeFlagged")} hint="Raters whose gold accuracy is below the project's threshold" />
        <Check label="Only raters passing gold" checked={options.goldPassingOnly} onChange={set("goldPassingOnly")} />
      </div>
    </div>
  );
}

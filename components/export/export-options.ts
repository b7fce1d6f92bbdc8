// The trainer's export form: its state and the query string both the preview and the download use.
export type TExportOptions = {
  format: string;
  file: string;
  archive: string;
  split: string;
  aggregation: string;
  margin: string;
  aspect: string;
  testShare: string;
  conversational: boolean;
  implicitPrompt: boolean;
  minRaters: string;
  from: string;
  to: string;
  rubricVersion: string;
  excludeFlagged: boolean;
  goldPassingOnly: boolean;
  weights: string;
};

export const DEFAULT_EXPORT_OPTIONS: TExportOptions = {
  format: "dpo",
  file: "jsonl",
  archive: "tar.gz",
  split: "all",
  aggregation: "majority",
  margin: "",
  aspect: "",
  testShare: "0.1",
  conversational: false,
  implicitPrompt: false,
  minRaters: "1",
  from: "",
  to: "",
  rubricVersion: "",
  excludeFlagged: true,
  goldPassingOnly: false,
  weights: "none",
};

/** format, file and split always; the other options only when they differ from the defaults. */
export function buildExportQuery(options: TExportOptions): URLSearchParams {
  const query = new URLSearchParams({ format: options.format, file: options.file, split: options.split });
  for (const key of Object.keys(DEFAULT_EXPORT_OPTIONS) as (keyof TExportOptions)[]) {
    if (key === "format" || key === "file" || key === "split") continue;
    if (key === "archive" && options.file !== "bundle") continue;
    const value = options[key];
    if (value === DEFAULT_EXPORT_OPTIONS[key]) continue;
    // dates from <input type="date"> are days; `to` means the end of that day
    if (key === "from" && typeof value === "string") query.set(key, `${value}T00:00:00.000Z`);
    else if (key === "to" && typeof value === "string") query.set(key, `${value}T23:59:59.999Z`);
    else query.set(key, String(value));
  }
  return query;
}

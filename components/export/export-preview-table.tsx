import type { TExportPreview } from "@/lib/export/preview-export";

const MAX_CELL = 140;

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "null";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

function describeCounts(counts: TExportPreview["counts"]): Array<[string, string]> {
  const n = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : "—");
  const dropped = Object.entries((counts.dropped as Record<string, number>) ?? {});
  return [
    ["Prompts", n(counts.items)],
    ["Judgments", n(counts.judgments)],
    ["Raters", n(counts.raters)],
    ["Pairs kept", n(counts.pairsKept)],
    ["Ties", n(counts.ties)],
    ["Both bad", n(counts.bothBad)],
    ["Dropped", dropped.length ? dropped.map(([reason, k]) => `${reason}: ${k}`).join(", ") : "none"],
    ["Mean agreement", typeof counts.meanAgreement === "number" ? counts.meanAgreement.toFixed(3) : "n/a"],
  ];
}

export function ExportCounts({ counts }: { counts: TExportPreview["counts"] }) {
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-3 gap-3" data-testid="export-counts">
        {(["train", "test", "rows"] as const).map((key) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{key === "rows" ? "all rows" : `${key} rows`}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`export-count-${key}`}>{counts[key].toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        {describeCounts(counts).map(([label, value]) => (
          <div key={label} className="flex justify-between gap-2 border-b border-slate-100 py-1">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-right font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ExportPreviewTable({ preview }: { preview: TExportPreview }) {
  if (!preview.rows.length) {
    return <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500" data-testid="export-preview-empty">No rows in this split with these options.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left font-mono text-xs" data-testid="export-preview">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            {preview.columns.map((c) => (
              <th key={c.name} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                {c.name} <span className="font-normal text-slate-400">{c.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.rows.map((row, i) => (
            <tr key={i} data-testid="export-preview-row">
              {preview.columns.map((c) => (
                <td key={c.name} className="max-w-xs truncate whitespace-nowrap px-3 py-1.5 align-top" title={formatCell(row[c.name])}>{formatCell(row[c.name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

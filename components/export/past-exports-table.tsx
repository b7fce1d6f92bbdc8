import type { TExportRecordView } from "@/lib/export/to-export-record-view";

const DEFAULTS: Record<string, unknown> = {
  aggregation: "majority", testShare: 0.1, conversational: false, implicitPrompt: false, minRaters: 1, excludeFlagged: true,
  goldPassingOnly: false, sftFloor: 0.5, weights: "none", format: null, file: null, configs: null,
};

/** The parameters that differ from the defaults, as `key=value`. */
function describeParams(params: Record<string, unknown>): string {
  const parts = Object.entries(params)
    .filter(([key, value]) => !(key in DEFAULTS && (DEFAULTS[key] === null || DEFAULTS[key] === value)))
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") : String(value)}`);
  return parts.length ? parts.join(" ") : "defaults";
}

function describeCounts(e: TExportRecordView): string {
  const c = e.counts as { rows?: number; train?: number; test?: number; files?: Array<{ path: string; rows: number }> };
  if (c.rows === undefined) return "—";
  if (c.files) return `${c.rows.toLocaleString("en-US")} rows in ${c.files.length} files`;
  return `${c.rows.toLocaleString("en-US")} (train ${c.train ?? 0}, test ${c.test ?? 0})`;
}

const STATUS_STYLE = { COMPLETE: "bg-green-100 text-green-800", RUNNING: "bg-sky-100 text-sky-800", FAILED: "bg-red-100 text-red-800" } as const;

export function PastExportsTable({ exports }: { exports: TExportRecordView[] }) {
  if (!exports.length) return <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500" data-testid="past-exports-empty">No exports yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="past-exports">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">When</th>
            <th scope="col" className="px-3 py-2">Who</th>
            <th scope="col" className="px-3 py-2">File</th>
            <th scope="col" className="px-3 py-2">Parameters</th>
            <th scope="col" className="px-3 py-2">Rows</th>
            <th scope="col" className="px-3 py-2">sha256</th>
            <th scope="col" className="px-3 py-2">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {exports.map((e) => (
            <tr key={e.id} data-testid="past-export-row" data-export-id={e.id}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{e.createdAt.slice(0, 19).replace("T", " ")} UTC</td>
              <td className="px-3 py-2">{e.by?.email ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2 font-medium">
                {e.format}.{e.file}
                {e.bytes !== null && <div className="text-xs font-normal text-slate-500">{e.bytes.toLocaleString("en-US")} B</div>}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-600">{describeParams(e.params)}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{describeCounts(e)}</td>
              <td className="px-3 py-2 font-mono text-xs break-all" data-testid="past-export-sha256">{e.sha256 ?? "—"}</td>
              <td className="px-3 py-2"><span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[e.status]}`}>{e.status.toLowerCase()}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

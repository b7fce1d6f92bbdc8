import type { TQualityFilterView } from "@/lib/quality/types";

const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal";

/** Date range, rubric version and bootstrap: a plain GET form, so every view is a shareable URL. */
export function QualityFilters({ action, filter, rubricVersions, error }: { action: string; filter: TQualityFilterView; rubricVersions: number[]; error?: string | null }) {
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 text-sm" data-testid="quality-filters">
      <label className="text-xs font-medium text-slate-600">
        From
        <input type="date" name="from" defaultValue={filter.from?.slice(0, 10) ?? ""} className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        To (inclusive)
        <input type="date" name="to" defaultValue={filter.to?.slice(0, 10) ?? ""} className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Rubric version
        <select name="rubricVersion" defaultValue={filter.rubricVersion ?? ""} className={field}>
          <option value="">all versions</option>
          {rubricVersions.map((v) => (
            <option key={v} value={v}>v{v}</option>
          ))}
        </select>
      </label>
      <label className="inline-flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="bootstrap" value="1" defaultChecked={filter.bootstrap} className="h-4 w-4" /> 95% intervals (bootstrap)
      </label>
      <button className="rounded-md bg-slate-900 px-4 py-1.5 font-medium text-white shadow-sm hover:bg-slate-800">Apply</button>
      <a href={action} className="pb-1.5 text-xs text-slate-500 underline hover:text-slate-700">Reset</a>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}

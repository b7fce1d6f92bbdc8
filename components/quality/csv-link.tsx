import type { TCsvTable } from "@/lib/quality/schemas";

/** Download link for one dashboard table; the same filters as the page, served by /quality/csv. */
export function CsvLink({ projectId, table, filterQuery }: { projectId: string; table: TCsvTable; filterQuery: string }) {
  const query = new URLSearchParams(filterQuery);
  query.set("table", table);
  return (
    <a
      href={`/api/v1/projects/${projectId}/quality/csv?${query}`}
      download
      data-testid={`csv-${table}`}
      className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50"
    >
      CSV
    </a>
  );
}

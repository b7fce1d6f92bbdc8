import Link from "next/link";
import { ItemsTable } from "@/components/projects/items-table";
import { listItems } from "@/lib/items/list-items";
import { ZItemListQuery } from "@/lib/items/schemas";
import { loadProjectPage } from "../load-project";

export const dynamic = "force-dynamic";

type TSearch = Record<string, string | string[] | undefined>;

export default async function ItemsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<TSearch> }) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZItemListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZItemListQuery.parse({});
  const goldOnly = query.gold === "1" || query.gold === "true";
  const page = await listItems({ projectId: project.id, after: query.after, before: query.before, q: query.q, goldOnly, limit: 50 });
  const base = `/train/${project.id}`;
  const link = (cursor: Record<string, string>) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(goldOnly ? { gold: "1" } : {}), ...cursor })}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Items</h2>
          <p className="text-sm text-slate-600" data-testid="items-total">{page.total.toLocaleString("en-US")} item{page.total === 1 ? "" : "s"}{query.q || goldOnly ? " match" : ""}</p>
        </div>
        <form className="flex flex-wrap items-end gap-2 text-sm" action={base}>
          <label className="text-xs font-medium text-slate-600">
            Item id contains
            <input name="q" defaultValue={query.q ?? ""} className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <label className="inline-flex items-center gap-2 pb-2 text-sm text-slate-700">
            <input type="checkbox" name="gold" value="1" defaultChecked={goldOnly} className="h-4 w-4" /> gold only
          </label>
          <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 shadow-sm hover:bg-slate-50">Filter</button>
        </form>
      </div>
      {page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">
          {page.total === 0 && !query.q && !goldOnly ? (
            <>No items yet. <Link href={`${base}/import`} className="font-medium text-blue-700 underline">Import an NDJSON file</Link> to start.</>
          ) : (
            "No items on this page."
          )}
        </div>
      ) : (
        <ItemsTable projectId={project.id} items={page.items} canSetGold={project.mode === "pairwise"} />
      )}
      <nav className="flex items-center justify-between text-sm" aria-label="Pagination">
        {page.prevCursor ? <Link href={link({ before: page.prevCursor })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">← Previous 50</Link> : <span />}
        {page.nextCursor ? <Link href={link({ after: page.nextCursor })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">Next 50 →</Link> : <span />}
      </nav>
    </div>
  );
}

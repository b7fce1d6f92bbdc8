import type { TRubricVersion } from "@/lib/projects/list-rubric-versions";

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export function RubricHistory({ versions }: { versions: TRubricVersion[] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">Version history</h2>
      <p className="mt-1 text-xs text-slate-500">Each judgment keeps the version it was made under. Versions with judgments are read-only.</p>
      <ol className="mt-4 space-y-3" data-testid="rubric-history">
        {versions.map((v, i) => (
          <li key={v.version} className="rounded-md border border-slate-200 p-3 text-sm" data-testid={`rubric-version-${v.version}`}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-semibold">
                Version {v.version}
                {i === 0 && <span className="ml-2 rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-700">current</span>}
              </span>
              <span className="text-xs tabular-nums text-slate-500">{v.judgments} judgment{v.judgments === 1 ? "" : "s"}</span>
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              <time dateTime={v.createdAt.toISOString()}>{when(v.createdAt)}</time>
              {v.createdBy ? ` · ${v.createdBy}` : ""}
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-slate-600">
                {v.aspects.length} aspect{v.aspects.length === 1 ? "" : "s"} · rationale {v.rationale}
              </summary>
              <ul className="mt-2 space-y-1 text-xs">
                {v.aspects.map((a) => (
                  <li key={a.key}>
                    <span className="font-mono">{a.key}</span> — {a.label} <span className="text-slate-500">({a.scale}{a.required ? ", required" : ""})</span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

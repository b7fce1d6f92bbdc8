import Link from "next/link";
import { ProjectTabs } from "./project-tabs";

export type TProjectHeaderData = {
  id: string;
  name: string;
  mode: string;
  overlap: number;
  sampling: string;
  rubricVersion: number;
  progress: { items: number; units: number; completeUnits?: number; judgments?: number; members?: number };
};

const REPORTS = [
  { segment: "agreement", label: "Agreement" },
  { segment: "rankings", label: "Rankings" },
  { segment: "export", label: "Export" },
];

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

const n = (v: number | undefined) => (v ?? 0).toLocaleString("en-US");

export function ProjectHeader({ project }: { project: TProjectHeaderData }) {
  const { progress } = project;
  const complete = progress.completeUnits ?? 0;
  const share = progress.units ? Math.round((complete / progress.units) * 100) : 0;
  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-6 pt-5">
        <nav className="text-sm text-slate-500" aria-label="Breadcrumb">
          <Link href="/train" className="hover:text-slate-800">Projects</Link> <span aria-hidden>/</span>
        </nav>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-name">{project.name}</h1>
            <div className="mt-2 flex flex-wrap gap-2 text-xs">
              <Badge label="mode" value={project.mode} />
              <Badge label="overlap" value={String(project.overlap)} />
              <Badge label="sampling" value={project.sampling} />
              <Badge label="rubric" value={`v${project.rubricVersion}`} />
            </div>
          </div>
          <div className="flex gap-2 text-sm">
            {REPORTS.map((r) => (
              <Link key={r.segment} href={`/train/${project.id}/${r.segment}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 shadow-sm hover:bg-slate-50">
                {r.label}
              </Link>
            ))}
          </div>
        </div>
        <dl className="mt-5 grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Stat label="Items" value={n(progress.items)} testId="stat-items" />
          <Stat label="Units" value={n(progress.units)} testId="stat-units" />
          <Stat label="Complete units" value={n(complete)} hint={`${share}% of units`} testId="stat-complete" />
          <Stat label="Judgments" value={n(progress.judgments)} testId="stat-judgments" />
          <Stat label="Members" value={n(progress.members)} testId="stat-members" />
        </dl>
        <ProjectTabs projectId={project.id} />
      </div>
    </div>
  );
}

function Badge({ label, value }: { label: string; value: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 px-2.5 py-0.5 text-slate-700">
      <span className="text-slate-500">{label}</span>
      <span className="font-medium">{value}</span>
    </span>
  );
}

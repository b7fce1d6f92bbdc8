import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { listProjects } from "@/lib/projects/list-projects";

export const dynamic = "force-dynamic";

export default async function AnnotateHome() {
  const user = await requirePageRole(["ANNOTATOR", "ADMIN"], "/annotate");
  const projects = await listProjects({ caller: user });
  return (
    <main className="mx-auto max-w-4xl p-6" data-testid="annotator-home">
      <h1 className="text-2xl font-semibold">Your projects</h1>
      {projects.length === 0 && <p className="mt-4 text-slate-600">You are not a member of any project yet. Ask an admin to add you.</p>}
      <ul className="mt-4 space-y-3">
        {projects.map((p) => (
          <li key={p.id} className="flex items-center justify-between rounded-lg border border-slate-200 bg-white p-4">
            <div>
              <div className="font-medium">{p.name}</div>
              <div className="text-sm text-slate-600">
                {p.mode} · you have judged {p.myJudgments} {p.myOpen > 0 ? `· ${p.myOpen} in progress` : ""}
              </div>
            </div>
            <div className="flex gap-3">
              <Link href={`/annotate/${p.id}/history`} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">My judgments</Link>
              <Link href={`/annotate/${p.id}`} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700" data-testid={`start-${p.id}`}>
                Start
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}

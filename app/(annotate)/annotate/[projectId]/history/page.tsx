import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { listMyJudgments } from "@/lib/assignment/list-my-judgments";
import { HistoryList } from "@/components/annotate/history-list";
import { loadProjectName } from "../load-project-name";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My judgments — CodeJudge" };

export default async function HistoryPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await requirePageRole(["ANNOTATOR", "ADMIN"], `/annotate/${projectId}/history`);
  const projectName = await loadProjectName(user, projectId);
  const judgments = await listMyJudgments({ caller: user, projectId });
  return (
    <main className="mx-auto max-w-4xl p-6" data-testid="history-page">
      <div className="flex items-baseline gap-3">
        <h1 className="text-2xl font-semibold">My judgments</h1>
        <span className="text-slate-600">{projectName}</span>
        <Link href={`/annotate/${projectId}`} className="ml-auto rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">Continue judging</Link>
      </div>
      <p className="mt-1 text-sm text-slate-500" data-testid="history-count">{judgments.length} judgment{judgments.length === 1 ? "" : "s"}{judgments.length === 200 ? " (latest 200)" : ""}</p>
      <HistoryList judgments={judgments} />
    </main>
  );
}

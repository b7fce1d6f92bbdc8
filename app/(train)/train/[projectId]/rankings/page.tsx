import { ProjectHeader } from "@/components/projects/project-header";
import { ConfidenceChart } from "@/components/ranking/confidence-chart";
import { ModelLeaderboard } from "@/components/ranking/model-leaderboard";
import { PriorsStatusNotice } from "@/components/ranking/priors-status-notice";
import { QueueTable } from "@/components/ranking/queue-table";
import { RankedResponses } from "@/components/ranking/ranked-responses";
import { RefitButton } from "@/components/ranking/refit-button";
import { getConfidenceCurve } from "@/lib/ranking/get-confidence-curve";
import { getProjectQueue } from "@/lib/ranking/get-project-queue";
import { getProjectRankings } from "@/lib/ranking/get-project-rankings";
import { loadProjectPage } from "../load-project";
import { refitAction } from "./actions";

export const dynamic = "force-dynamic";

const SHOWN_ITEMS = 60;

export default async function RankingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project } = await loadProjectPage(projectId);
  const [rankings, queue, curve] = await Promise.all([
    getProjectRankings({ caller: user, projectId }),
    getProjectQueue({ caller: user, projectId, limit: 20 }),
    getConfidenceCurve({ caller: user, projectId }),
  ]);
  const judged = rankings.items.filter((i) => i.responses.some((r) => r.judgments > 0));
  const shown = (judged.length ? judged : rankings.items).slice(0, SHOWN_ITEMS);
  return (
    <div data-testid="rankings-page">
      <ProjectHeader project={{ ...project, rubricVersion: project.rubric.version }} />
      <main className="mx-auto max-w-6xl space-y-8 px-6 py-6">
        <PriorsStatusNotice priors={rankings.priors} />
        <section>
          <div className="mb-3 flex items-center justify-between">
            <h2 className="text-lg font-semibold">Model leaderboard</h2>
            <RefitButton action={refitAction.bind(null, projectId)} />
          </div>
          <ModelLeaderboard models={rankings.models} />
        </section>
        <section>
          <h2 className="mb-3 text-lg font-semibold">Ranking confidence against labels spent</h2>
          <ConfidenceChart points={curve} />
        </section>
        <section>
          <h2 className="mb-3 text-lg font-semibold">Queued next</h2>
          <QueueTable queue={queue} />
        </section>
        <section>
          <h2 className="mb-1 text-lg font-semibold">Prompts</h2>
          <p className="mb-3 text-xs text-slate-500">
            Bradley–Terry score ± sd per response from this prompt&apos;s judgments, best first; {shown.length} of {rankings.items.length} prompts shown
            {judged.length ? " (judged ones first)" : ""}.
          </p>
          <div className="grid gap-3 md:grid-cols-2">
            {shown.map((item) => <RankedResponses key={item.item} item={item} />)}
          </div>
        </section>
      </main>
    </div>
  );
}

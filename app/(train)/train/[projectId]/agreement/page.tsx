import { ProjectHeader } from "@/components/projects/project-header";
import { AlphaChart } from "@/components/quality/alpha-chart";
import { CsvLink } from "@/components/quality/csv-link";
import { DisagreementsTable } from "@/components/quality/disagreements-table";
import { FieldContext } from "@/components/quality/field-context";
import { HeadlineStats } from "@/components/quality/headline-stats";
import { ModelsTable } from "@/components/quality/models-table";
import { PositionBiasChart } from "@/components/quality/position-bias-chart";
import { QualityFilters } from "@/components/quality/quality-filters";
import { RaterTable } from "@/components/quality/rater-table";
import { SecondsHistogram } from "@/components/quality/seconds-histogram";
import { SectionCard } from "@/components/quality/section-card";
import { compareModelsToHumans } from "@/lib/quality/compare-models-to-humans";
import { getAgreementReport } from "@/lib/quality/get-agreement-report";
import { ZQualityQuery, type TQualityQuery } from "@/lib/quality/schemas";
import { loadProjectPage } from "../load-project";

export const dynamic = "force-dynamic";

type TSearch = Record<string, string | string[] | undefined>;

/** The filters as a query string for the CSV links (only what was given). */
function toQueryString(query: TQualityQuery): string {
  const entries = Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined);
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<TSearch> }) {
  const { projectId } = await params;
  const { user, project } = await loadProjectPage(projectId);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZQualityQuery.safeParse(raw);
  const query: TQualityQuery = parsed.success ? parsed.data : {};
  const [report, models] = await Promise.all([
    getAgreementReport({ caller: user, projectId: project.id, query }),
    compareModelsToHumans({ caller: user, projectId: project.id, query }),
  ]);
  const filterQuery = toQueryString(query);
  const csv = (table: Parameters<typeof CsvLink>[0]["table"]) => <CsvLink projectId={project.id} table={table} filterQuery={filterQuery} />;
  const flagged = report.raters.filter((r) => r.isFlagged).length;
  const alphaRows = [{ label: "overall", stats: report.overall }, ...Object.entries(report.aspects).map(([label, stats]) => ({ label, stats }))];

  return (
    <div data-testid="agreement-page">
      <ProjectHeader project={{ ...project, rubricVersion: project.rubric.version }} />
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-6">
        <div className="space-y-3">
          <h1 className="text-lg font-semibold">Agreement and rater quality</h1>
          <QualityFilters
            action={`/train/${project.id}/agreement`}
            filter={report.filter}
            rubricVersions={report.project.rubricVersions}
            error={parsed.success ? null : "Some filters were not valid dates or versions and were ignored."}
          />
        </div>

        <SectionCard title="Headline" hint="Values in each pair's own orientation. % agreement, Fleiss κ and AC1 on the winner (first, tie, second); α on the −3..3 strength. Both-bad judgments left out." action={csv("overall")} testId="headline">
          <HeadlineStats judgments={report.judgments} units={report.units} overall={report.overall} />
          <div className="mt-3">
            <FieldContext />
          </div>
        </SectionCard>

        <SectionCard title="Krippendorff's α per aspect" hint={report.filter.bootstrap ? "Bars: 95% bootstrap intervals (1000 seeded resamples of units)." : "Tick “95% intervals” above for bootstrap intervals."}>
          <AlphaChart rows={alphaRows} />
        </SectionCard>

        <SectionCard
          title="Raters"
          hint={`Flagged: gold accuracy under ${Math.round(report.project.goldThreshold * 100)}% on at least ${report.project.minGoldJudgments} gold judgments (${flagged} flagged). Click a column to sort.`}
          action={csv("raters")}
          testId="raters"
        >
          <RaterTable projectId={project.id} raters={report.raters} canPause={user.role === "ADMIN"} />
        </SectionCard>

        <div className="grid gap-6">
          <SectionCard title="Position bias" hint="Left-slot wins per rater; red: differs from 50% at p < 0.05.">
            <PositionBiasChart raters={report.raters} />
          </SectionCard>
          <SectionCard title="Active time per judgment" action={csv("seconds")}>
            <SecondsHistogram histogram={report.activeSeconds} />
          </SectionCard>
        </div>

        <SectionCard title="Models against humans" hint={`Pairwise accuracy of each uploaded score against the human majority (${models.pairsWithConsensus.toLocaleString("en-US")} pairs with a majority; ties out), 95% Wilson intervals.`} action={csv("models")} testId="models">
          <ModelsTable models={models} />
        </SectionCard>

        <SectionCard
          title="Confident disagreements"
          hint={`Top ${Math.round(models.disagreementRule.topShare * 100)}% of |score gap| per score set, where at least ⅔ of ${models.disagreementRule.minJudgments}+ humans chose the other response.`}
          action={csv("disagreements")}
          testId="disagreements"
        >
          <DisagreementsTable models={models} />
        </SectionCard>

        <p className="text-xs text-slate-500" data-testid="computed-at">
          Computed {report.computedAt.replace("T", " ").slice(0, 19)} UTC; recomputed when judgments or gold answers change.
        </p>
      </main>
    </div>
  );
}

import { RubricEditor } from "@/components/projects/rubric-editor";
import { RubricHistory } from "@/components/projects/rubric-history";
import { listRubricVersions } from "@/lib/projects/list-rubric-versions";
import { loadProjectPage } from "../../load-project";

export const dynamic = "force-dynamic";

export default async function RubricPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  const versions = await listRubricVersions({ projectId: project.id });
  const current = versions[0];
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
      <RubricEditor projectId={project.id} rubric={project.rubric} judgmentsOnCurrent={current?.version === project.rubric.version ? current.judgments : 0} />
      <RubricHistory versions={versions} />
    </div>
  );
}

import { ExportPanel } from "@/components/export/export-panel";
import { ProjectHeader } from "@/components/projects/project-header";
import { listExports } from "@/lib/export/list-exports";
import { listRubricVersions } from "@/lib/projects/list-rubric-versions";
import { loadProjectPage } from "../load-project";

export const dynamic = "force-dynamic";

// ADMIN and TRAINER only: loadProjectPage checks the role on the server (403 page otherwise).
export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project } = await loadProjectPage(projectId);
  const [exports, versions] = await Promise.all([listExports({ caller: user, projectId: project.id }), listRubricVersions({ projectId: project.id })]);
  return (
    <div data-testid="project-page">
      <ProjectHeader project={{ ...project, rubricVersion: project.rubric.version }} />
      <main className="mx-auto max-w-6xl px-6 py-6">
        <ExportPanel
          projectId={project.id}
          aspectKeys={project.rubric.aspects.map((a) => a.key)}
          rubricVersions={versions.map((v) => v.version)}
          initialExports={exports}
        />
      </main>
    </div>
  );
}

import { ProjectHeader } from "@/components/projects/project-header";
import { loadProjectPage } from "../load-project";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  return (
    <div data-testid="project-page">
      <ProjectHeader project={{ ...project, rubricVersion: project.rubric.version }} />
      <main className="mx-auto max-w-6xl px-6 py-6">{children}</main>
    </div>
  );
}

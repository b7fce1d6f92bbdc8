import { ImportPanel } from "@/components/projects/import-panel";
import { MAX_IMPORT_BYTES } from "@/lib/items/schemas";
import { loadProjectPage } from "../../load-project";

export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  return <ImportPanel projectId={project.id} mode={project.mode} maxBytes={MAX_IMPORT_BYTES} />;
}

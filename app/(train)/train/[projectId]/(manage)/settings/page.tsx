import { SettingsForm } from "@/components/projects/settings-form";
import { loadProjectPage } from "../../load-project";

export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  const { id, name, overlap, sampling, instructions, leaseSeconds, goldRate, goldThreshold } = project;
  return <SettingsForm project={{ id, name, overlap, sampling, instructions, leaseSeconds, goldRate, goldThreshold }} />;
}

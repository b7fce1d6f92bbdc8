import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { AnnotationWorkspace } from "@/components/annotate/annotation-workspace";
import { loadProjectName } from "./load-project-name";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Judge — CodeJudge" };

export default async function AnnotateProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await requirePageRole(["ANNOTATOR", "ADMIN"], `/annotate/${projectId}`);
  const projectName = await loadProjectName(user, projectId);
  return <AnnotationWorkspace projectId={projectId} projectName={projectName} userId={user.id} />;
}

import { AddMemberForm } from "@/components/projects/member-forms";
import { MembersTable } from "@/components/projects/members-table";
import { listProjectMembers } from "@/lib/projects/list-project-members";
import { loadProjectPage } from "../../load-project";

export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  const members = await listProjectMembers({ projectId: project.id });
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">Members</h2>
        <p className="mt-1 text-sm text-slate-600">Annotators work only on projects they are members of. A paused member keeps their judgments but gets no new assignments.</p>
      </div>
      <MembersTable projectId={project.id} members={members} />
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <AddMemberForm projectId={project.id} />
      </section>
    </div>
  );
}

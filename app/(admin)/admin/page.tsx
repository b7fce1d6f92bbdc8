import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { listUsers } from "@/lib/users/list-users";
import { listProjects } from "@/lib/projects/list-projects";
import { CreateUserForm, RoleSelect, AddMemberForm } from "@/components/admin/user-forms";

export const dynamic = "force-dynamic";

export default async function AdminHome() {
  const admin = await requirePageRole(["ADMIN"], "/admin");
  const [users, projects] = await Promise.all([listUsers(), listProjects({ caller: admin })]);
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <main className="mx-auto max-w-6xl space-y-8 p-6" data-testid="admin-home">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Admin</h1>
        <Link href="/admin/audit" className="text-sm text-blue-700 underline">Audit log</Link>
      </div>
      <section>
        <h2 className="text-lg font-semibold">Users</h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead><tr className="border-b text-left text-slate-600"><th className="p-2">Email</th><th className="p-2">Name</th><th className="p-2">Role</th><th className="p-2">Projects</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b" data-testid={`user-row-${u.email}`}>
                <td className="p-2">{u.email}</td>
                <td className="p-2">{u.name ?? ""}</td>
                <td className="p-2"><RoleSelect userId={u.id} role={u.role} disabled={u.id === admin.id} /></td>
                <td className="p-2 text-slate-600">{u.memberships.map((m) => `${projectName.get(m.projectId) ?? m.projectId}${m.paused ? " (paused)" : ""}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <CreateUserForm />
      </section>
      <section>
        <h2 className="text-lg font-semibold">Project members</h2>
        <AddMemberForm projects={projects.map((p) => ({ id: p.id, name: p.name }))} />
      </section>
    </main>
  );
}

import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { listProjects } from "@/lib/projects/list-projects";
import { CreateProjectForm } from "@/components/projects/create-project-form";

export const dynamic = "force-dynamic";

export default async function TrainHome() {
  const user = await requirePageRole(["TRAINER", "ADMIN"], "/train");
  const projects = await listProjects({ caller: user });
  return (
    <main className="mx-auto max-w-5xl p-6" data-testid="trainer-home">
      <h1 className="text-2xl font-semibold">Projects</h1>
      <table className="mt-4 w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left text-slate-600"><th className="p-2">Name</th><th className="p-2">Mode</th><th className="p-2">Sampling</th><th className="p-2">Overlap</th><th className="p-2">Items</th><th className="p-2">Judgments</th><th className="p-2" /></tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} className="border-b">
              <td className="p-2 font-medium">{p.name}</td>
              <td className="p-2">{p.mode}</td>
              <td className="p-2">{p.sampling}</td>
              <td className="p-2">{p.overlap}</td>
              <td className="p-2">{p.items}</td>
              <td className="p-2">{p.judgments}</td>
              <td className="p-2 text-right"><Link className="text-blue-700 underline" href={`/train/${p.id}`}>Open</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateProjectForm />
    </main>
  );
}

import { requirePageRole } from "@/lib/auth/require-page-role";
import { listAuditLog } from "@/lib/audit/list-audit-log";

export const dynamic = "force-dynamic";

export default async function AuditPage() {
  await requirePageRole(["ADMIN"], "/admin/audit");
  const entries = await listAuditLog({ limit: 500 });
  return (
    <main className="mx-auto max-w-6xl p-6" data-testid="audit-log">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <table className="mt-4 w-full border-collapse bg-white text-sm">
        <thead><tr className="border-b text-left text-slate-600"><th className="p-2">When</th><th className="p-2">Who</th><th className="p-2">Action</th><th className="p-2">Target</th><th className="p-2">Details</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b align-top">
              <td className="whitespace-nowrap p-2">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="p-2">{e.actorEmail ?? "system"}</td>
              <td className="p-2 font-mono">{e.action}</td>
              <td className="p-2">{e.targetType} {e.targetId ?? ""}</td>
              <td className="p-2 font-mono text-xs">{JSON.stringify(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

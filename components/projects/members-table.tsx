import type { TProjectMember } from "@/lib/projects/list-project-members";
import { PauseToggle } from "./member-forms";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export function MembersTable({ projectId, members }: { projectId: string; members: TProjectMember[] }) {
  if (!members.length) {
    return <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">No members yet. Add annotators by email below.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="members-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Member</th>
            <th scope="col" className="px-4 py-2">Role</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2 text-right">Judgments</th>
            <th scope="col" className="px-4 py-2 text-right">Open leases</th>
            <th scope="col" className="px-4 py-2">Last judgment</th>
            <th scope="col" className="px-4 py-2">Joined</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.userId} data-testid={`member-row-${m.email}`}>
              <td className="px-4 py-2">
                <div className="font-medium">{m.email}</div>
                {m.name && <div className="text-xs text-slate-500">{m.name}</div>}
              </td>
              <td className="px-4 py-2 text-xs font-medium text-slate-600">{m.role}</td>
              <td className="px-4 py-2">
                {m.paused ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">paused</span>
                ) : (
                  <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">active</span>
                )}
                {m.disabled && <span className="ml-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs text-slate-700">account disabled</span>}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{m.judgments}</td>
              <td className="px-4 py-2 text-right tabular-nums">{m.openLeases}</td>
              <td className="px-4 py-2 tabular-nums text-slate-600">{day(m.lastJudgmentAt)}</td>
              <td className="px-4 py-2 tabular-nums text-slate-600">{day(m.joinedAt)}</td>
              <td className="px-4 py-2 text-right"><PauseToggle projectId={projectId} userId={m.userId} email={m.email} paused={m.paused} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

"use client";
import { useActionState } from "react";
import { addMemberAction, createUserAction, setRoleAction, type TActionState } from "@/app/(admin)/admin/actions";

const initial: TActionState = { error: null, ok: null };

function Status({ state }: { state: TActionState }) {
  if (state.error) return <p role="alert" className="text-red-700">{state.error}</p>;
  if (state.ok) return <p role="status" className="text-green-700">{state.ok}</p>;
  return null;
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, initial);
  return (
    <form action={action} className="mt-4 flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3 text-sm" data-testid="create-user">
      <label>Email<input name="email" type="email" required className="ml-1 rounded border px-2 py-1" /></label>
      <label>Name<input name="name" className="ml-1 rounded border px-2 py-1" /></label>
      <label>Password<input name="password" type="password" minLength={8} className="ml-1 rounded border px-2 py-1" /></label>
      <label>Role
        <select name="role" defaultValue="ANNOTATOR" className="ml-1 rounded border px-2 py-1"><option>ANNOTATOR</option><option>TRAINER</option><option>ADMIN</option></select>
      </label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50">Create user</button>
      <Status state={state} />
    </form>
  );
}

export function RoleSelect({ userId, role, disabled }: { userId: string; role: string; disabled: boolean }) {
  const [state, action] = useActionState(setRoleAction, initial);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} disabled={disabled} onChange={(e) => e.currentTarget.form?.requestSubmit()} className="rounded border px-1 py-0.5" aria-label="role">
        <option>ANNOTATOR</option><option>TRAINER</option><option>ADMIN</option>
      </select>
      <Status state={state} />
    </form>
  );
}

export function AddMemberForm({ projects }: { projects: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(addMemberAction, initial);
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3 text-sm" data-testid="add-member">
      <label>Project
        <select name="projectId" className="ml-1 rounded border px-2 py-1">{projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
      </label>
      <label>User email<input name="email" type="email" required className="ml-1 rounded border px-2 py-1" /></label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50">Add member</button>
      <Status state={state} />
    </form>
  );
}

"use server";
import { revalidatePath } from "next/cache";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { createUser } from "@/lib/users/create-user";
import { setUserRole } from "@/lib/users/set-user-role";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { ZRole, ZUserCreate } from "@/lib/users/schemas";
import { isAppError } from "@/lib/errors/app-error";

export type TActionState = { error: string | null; ok: string | null };

function failure(error: unknown): TActionState {
  if (isAppError(error)) return { error: error.message, ok: null };
  const issues = (error as { issues?: Array<{ path: unknown[]; message: string }> }).issues;
  if (issues) return { error: issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), ok: null };
  console.error(error);
  return { error: "Something went wrong", ok: null };
}

export async function createUserAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const admin = await requirePageRole(["ADMIN"], "/admin");
  try {
    const input = ZUserCreate.parse({ email: form.get("email"), role: form.get("role"), name: form.get("name") || undefined, password: form.get("password") || undefined });
    const user = await createUser({ input, actorId: admin.id });
    revalidatePath("/admin");
    return { error: null, ok: `Created ${user.email}` };
  } catch (error) {
    return failure(error);
  }
}

export async function setRoleAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const admin = await requirePageRole(["ADMIN"], "/admin");
  try {
    const user = await setUserRole({ userId: String(form.get("userId")), role: ZRole.parse(form.get("role")), actorId: admin.id });
    revalidatePath("/admin");
    return { error: null, ok: `${user.email} is now ${user.role}` };
  } catch (error) {
    return failure(error);
  }
}

export async function addMemberAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const admin = await requirePageRole(["ADMIN"], "/admin");
  try {
    const member = await addProjectMember({ projectId: String(form.get("projectId")), email: String(form.get("email") ?? ""), actorId: admin.id });
    revalidatePath("/admin");
    return { error: null, ok: `Added ${member.email}` };
  } catch (error) {
    return failure(error);
  }
}

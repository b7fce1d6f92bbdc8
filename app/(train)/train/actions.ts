"use server";
import { redirect } from "next/navigation";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { createProject } from "@/lib/projects/create-project";
import { ZProjectCreate } from "@/lib/projects/schemas";

export type TFormState = { error: string | null };

export async function createProjectAction(_prev: TFormState, form: FormData): Promise<TFormState> {
  const user = await requirePageRole(["TRAINER", "ADMIN"], "/train");
  const parsed = ZProjectCreate.safeParse({
    name: form.get("name"),
    mode: form.get("mode"),
    overlap: Number(form.get("overlap") ?? 3),
    sampling: form.get("sampling") ?? "random",
    instructions: form.get("instructions") ?? "",
  });
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const project = await createProject({ input: parsed.data, actorId: user.id });
  redirect(`/train/${project.id}`);
}

"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { isAppError } from "@/lib/errors/app-error";
import { updateRubric, type TRubricUpdateResult } from "@/lib/projects/update-rubric";
import { updateProject } from "@/lib/projects/update-project";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { setMemberPaused } from "@/lib/projects/set-member-paused";
import { setItemGold } from "@/lib/items/set-item-gold";
import { ZItemGoldInput } from "@/lib/items/schemas";
import { ZMemberAdd, ZMemberPause, ZProjectUpdate, ZRubricInput } from "@/lib/projects/schemas";

export type TActionState = { error: string | null; ok: string | null };
export type TRubricSaveState = { error: string | null; result: TRubricUpdateResult | null };

const ZProjectId = z.string().min(1).max(100);
const STAFF = ["ADMIN", "TRAINER"] as const;

function failureMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  const issues = (error as { issues?: Array<{ path: unknown[]; message: string }> }).issues;
  if (issues) return issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  console.error("[train] action failed:", error);
  return "Something went wrong; try again";
}

function refresh(projectId: string) {
  revalidatePath(`/train/${projectId}`, "layout");
}

export async function saveRubricAction(projectId: string, expectedVersion: number, rubric: unknown): Promise<TRubricSaveState> {
  const user = await requirePageRole(STAFF, "/train");
  try {
    const result = await updateRubric({ projectId: ZProjectId.parse(projectId), rubric: ZRubricInput.parse(rubric), actorId: user.id, expectedVersion: z.number().int().parse(expectedVersion) });
    refresh(projectId);
    return { error: null, result };
  } catch (error) {
    return { error: failureMessage(error), result: null };
  }
}

const numberOrUndefined = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : Number(value));

export async function saveSettingsAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const user = await requirePageRole(STAFF, "/train");
  try {
    const projectId = ZProjectId.parse(form.get("projectId"));
    const input = ZProjectUpdate.parse({
      name: form.get("name") ?? undefined,
      overlap: numberOrUndefined(form.get("overlap")),
      sampling: form.get("sampling") ?? undefined,
      instructions: form.get("instructions") ?? undefined,
      leaseSeconds: numberOrUndefined(form.get("leaseSeconds")),
      goldRate: numberOrUndefined(form.get("goldRate")),
      goldThreshold: numberOrUndefined(form.get("goldThreshold")),
    });
    const { changed, retargetedUnits } = await updateProject({ projectId, input, actorId: user.id });
    refresh(projectId);
    if (!changed.length) return { error: null, ok: "Nothing changed" };
    const units = changed.includes("overlap") ? ` · ${retargetedUnits} unit target(s) updated` : "";
    return { error: null, ok: `Saved ${changed.join(", ")}${units}` };
  } catch (error) {
    return { error: failureMessage(error), ok: null };
  }
}

export async function addMemberAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const user = await requirePageRole(STAFF, "/train");
  try {
    const projectId = ZProjectId.parse(form.get("projectId"));
    const { email } = ZMemberAdd.parse({ email: form.get("email") });
    const member = await addProjectMember({ projectId, email, actorId: user.id });
    refresh(projectId);
    return { error: null, ok: `Added ${member.email}` };
  } catch (error) {
    return { error: failureMessage(error), ok: null };
  }
}

export async function setMemberPausedAction(projectId: string, input: { userId: string; paused: boolean }): Promise<TActionState> {
  const user = await requirePageRole(STAFF, "/train");
  try {
    const { userId, paused } = ZMemberPause.parse(input);
    const member = await setMemberPaused({ projectId: ZProjectId.parse(projectId), userId, paused, actorId: user.id });
    refresh(projectId);
    return { error: null, ok: `${member.email} ${paused ? "paused" : "resumed"}` };
  } catch (error) {
    return { error: failureMessage(error), ok: null };
  }
}

export async function setItemGoldAction(projectId: string, input: unknown): Promise<TActionState> {
  const user = await requirePageRole(STAFF, "/train");
  try {
    const result = await setItemGold({ projectId: ZProjectId.parse(projectId), input: ZItemGoldInput.parse(input), actorId: user.id });
    refresh(projectId);
    return { error: null, ok: result.gold ? `Gold set on ${result.itemId}` : `Gold cleared on ${result.itemId}` };
  } catch (error) {
    return { error: failureMessage(error), ok: null };
  }
}

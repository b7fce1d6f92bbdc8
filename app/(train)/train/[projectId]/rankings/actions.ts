"use server";
import { revalidatePath } from "next/cache";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { isAppError } from "@/lib/errors/app-error";
import { refitProject } from "@/lib/ranking/refit-project";

export async function refitAction(projectId: string): Promise<{ message: string }> {
  const user = await requirePageRole(["ADMIN", "TRAINER"], `/train/${projectId}/rankings`);
  try {
    const result = await refitProject({ caller: user, projectId });
    revalidatePath(`/train/${projectId}/rankings`);
    return { message: result.skipped ? "Not an actively sampled pairwise project: nothing to refit." : `Refitted ${result.items} items in ${result.seconds.toFixed(1)} s; ${result.unitsRescored} priorities changed.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    console.error("[refit] unexpected error:", error);
    return { message: "Refit failed" };
  }
}

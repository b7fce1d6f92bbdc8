"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { isAppError } from "@/lib/errors/app-error";
import { pauseRater } from "@/lib/quality/pause-rater";
import { ZRaterPauseInput } from "@/lib/quality/schemas";

export type TPauseState = { error: string | null; ok: string | null };

// Admins only; pauseRater checks the role again and writes the audit entry.
export async function pauseRaterAction(projectId: string, input: { userId: string; paused: boolean }): Promise<TPauseState> {
  const user = await requirePageRole(["ADMIN"], `/train/${projectId}/agreement`);
  try {
    const member = await pauseRater({ caller: user, projectId: z.string().min(1).max(100).parse(projectId), input: ZRaterPauseInput.parse(input) });
    revalidatePath(`/train/${projectId}/agreement`);
    return { error: null, ok: `${member.email} ${member.paused ? "paused" : "resumed"}` };
  } catch (error) {
    if (isAppError(error)) return { error: error.message, ok: null };
    console.error("[agreement] pause failed:", error);
    return { error: "Something went wrong; try again", ok: null };
  }
}

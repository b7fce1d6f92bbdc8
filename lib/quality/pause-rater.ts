import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors/app-error";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { setMemberPaused } from "@/lib/projects/set-member-paused";
import { ZRaterPauseInput, type TRaterPauseInput } from "./schemas";

/**
 * Pauses (or resumes) a rater on one project from the quality dashboard: admins only. A paused
 * member keeps their judgments but gets no new assignments; setMemberPaused writes the audit
 * entry (project.member.pause / unpause) when the state actually changes.
 */
export async function pauseRater(opts: { caller: TCaller; projectId: string; input: TRaterPauseInput }) {
  if (opts.caller.role !== "ADMIN") throw new AppError("forbidden", "Only admins may pause raters");
  const input = ZRaterPauseInput.parse(opts.input);
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  return setMemberPaused({ projectId: opts.projectId, userId: input.userId, paused: input.paused, actorId: opts.caller.id });
}

import { z } from "zod";
import { ZJudgmentInput } from "@/lib/assignment/schemas";

// Judgments submitted but not yet acknowledged by the server, kept in this browser so a reload, a
// crash or a closed tab cannot lose one: the workspace sends them again (same idempotencyKey, so
// the server stores each once) the next time the same annotator opens the project.
const PREFIX = "codejudge:outbox:";

export const ZOutboxEntry = z.object({ assignmentId: z.string(), projectId: z.string(), userId: z.string(), input: ZJudgmentInput, queuedAt: z.number() });
export type TOutboxEntry = z.infer<typeof ZOutboxEntry>;

export function writeOutboxEntry(entry: TOutboxEntry): boolean {
  try {
    window.localStorage.setItem(PREFIX + entry.assignmentId, JSON.stringify(entry));
    return true;
  } catch {
    return false; // storage full or disabled: the entry then lives in memory only
  }
}

export function removeOutboxEntry(assignmentId: string): void {
  try {
    window.localStorage.removeItem(PREFIX + assignmentId);
  } catch {}
}

export function readOutbox(owner: { projectId: string; userId: string }): TOutboxEntry[] {
  const entries: TOutboxEntry[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const parsed = ZOutboxEntry.safeParse(JSON.parse(window.localStorage.getItem(key) ?? "null"));
      if (parsed.success && parsed.data.projectId === owner.projectId && parsed.data.userId === owner.userId) entries.push(parsed.data);
    }
  } catch {}
  return entries.sort((a, b) => a.queuedAt - b.queuedAt);
}

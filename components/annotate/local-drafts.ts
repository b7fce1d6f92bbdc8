// This browser's copy of each draft, so nothing typed is lost to a reload, a crash or an outage.
const PREFIX = "codejudge:draft:";
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

export function readLocalDraft(assignmentId: string): unknown {
  try {
    const raw = window.localStorage.getItem(PREFIX + assignmentId);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(assignmentId: string, draft: object): void {
  try {
    window.localStorage.setItem(PREFIX + assignmentId, JSON.stringify(draft));
  } catch {
    // storage full or disabled: the server copy still works
  }
}

export function removeLocalDraft(assignmentId: string): void {
  try {
    window.localStorage.removeItem(PREFIX + assignmentId);
  } catch {}
}

// Drafts of assignments that were never finished would otherwise pile up forever.
export function pruneLocalDrafts(now = Date.now()): void {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const updatedAt = Number((JSON.parse(window.localStorage.getItem(key) ?? "{}") as { updatedAt?: number }).updatedAt ?? 0);
      if (now - updatedAt > MAX_AGE_MS) window.localStorage.removeItem(key);
    }
  } catch {}
}

import type { TAssignmentView, TJudgmentInput } from "@/lib/assignment/schemas";

// The workspace speaks only the public API (API.md), with the session cookie.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  // worth retrying: no answer at all, or the server said it is briefly unavailable
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T | null }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    throw new ApiError(0, "network", "No connection to the server");
  }
  if (response.status === 204) return { status: 204, body: null };
  const body = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? "http_" + response.status, body?.error?.message ?? `Request failed (${response.status})`);
  return { status: response.status, body };
}

export async function fetchNextAssignment(projectId: string, exclude: string[] = []): Promise<TAssignmentView | null> {
  const query = exclude.length ? `?exclude=${encodeURIComponent(exclude.join(","))}` : "";
  const { body } = await call<{ assignment: TAssignmentView }>(`/api/v1/projects/${encodeURIComponent(projectId)}/next${query}`, { cache: "no-store" });
  return body?.assignment ?? null;
}

export async function putDraft(assignmentId: string, draft: object): Promise<{ savedAt: string; expiresAt: string }> {
  const { body } = await call<{ savedAt: string; expiresAt: string }>(`/api/v1/assignments/${encodeURIComponent(assignmentId)}/draft`, {
    method: "PUT",
    body: JSON.stringify({ draft }),
  });
  return body as { savedAt: string; expiresAt: string };
}

export async function postJudgment(assignmentId: string, input: TJudgmentInput): Promise<{ judgmentId: string }> {
  const { body } = await call<{ judgmentId: string }>(`/api/v1/assignments/${encodeURIComponent(assignmentId)}/judgment`, {
    method: "POST",
    body: JSON.stringify(input),
  });
  return body as { judgmentId: string };
}

export async function postSkip(assignmentId: string, reason?: string): Promise<void> {
  await call(`/api/v1/assignments/${encodeURIComponent(assignmentId)}/skip`, { method: "POST", body: JSON.stringify(reason ? { reason } : {}) });
}

export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt);
}

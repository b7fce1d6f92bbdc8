import { expect, type Page } from "@playwright/test";

export const PROJECTS = {
  pairwise: "Code review — pairwise (demo)",
  rating: "Answer quality — rating (demo)",
  ranking: "Best answer — ranking (demo)",
} as const;

export type TMyJudgments = {
  judgments: Array<{
    id: string;
    mode: string;
    preference: number | null;
    bothBad: boolean;
    aspects: Record<string, number | null>;
    ratings: Record<string, number> | null;
    ranking: string[] | null;
    rationale: string | null;
    confidence: number | null;
    comments: Array<{ slot: string; lineStart: number; lineEnd: number; aspect: string | null; text: string }>;
  }>;
};

// The demo project's id, read from its Start link on the annotator home page.
export async function projectIdByName(page: Page, name: string): Promise<string> {
  await page.goto("/annotate");
  const row = page.getByRole("listitem").filter({ hasText: name });
  const href = await row.getByRole("link", { name: "Start" }).getAttribute("href");
  const id = href?.split("/").pop();
  expect(id, `project "${name}" is listed`).toBeTruthy();
  return id as string;
}

// The comparison screen is ready when its form is interactive and every code pane has rendered.
export async function openWorkspace(page: Page, projectId: string): Promise<string> {
  await page.goto(`/annotate/${projectId}`);
  return waitForAssignment(page);
}

export async function waitForAssignment(page: Page, previousId?: string): Promise<string> {
  const workspace = page.getByTestId("workspace");
  if (previousId) await expect(workspace).not.toHaveAttribute("data-assignment-id", previousId);
  await expect(workspace).toBeVisible();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  return (await workspace.getAttribute("data-assignment-id")) as string;
}

// Submitted judgments travel in the background (the outbox); this waits until the server has
// acknowledged every one, so a count read afterwards is final.
export async function waitForSent(page: Page) {
  await expect(page.getByTestId("annotation-workspace")).toHaveAttribute("data-unsent", "0");
}

export async function myJudgments(page: Page, projectId: string): Promise<TMyJudgments["judgments"]> {
  const response = await page.request.get(`/api/v1/projects/${projectId}/my-judgments`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as TMyJudgments).judgments;
}

// Keys go to whatever has focus; start from the page body like an annotator who just arrived.
export async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

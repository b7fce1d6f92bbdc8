import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { press, waitForAssignment, waitForSent } from "./annotate-helpers";
import { createCliToken, createCliUser, createSecurityProject, signInApi } from "./security-helpers";

// Script payloads in every place users write text: the project instructions and item prompt
// (markdown, imported through the API), a response (shown in Monaco), and an annotator's rationale
// and line comment. Each payload would set window.__xss or open a dialog if it ever ran.
const PAYLOAD_MARKDOWN = [
  "Sort the list. <script>window.__xss = 'prompt-script'</script>",
  '<img src="x" onerror="window.__xss = \'prompt-img\'; alert(1)">',
  "[click me](javascript:window.__xss='prompt-link') and [data](data:text/html,<script>alert(1)</script>)",
  '<a href="javascript:alert(1)">raw html link</a> <iframe src="javascript:alert(1)"></iframe>',
  "![img](javascript:alert(1))",
].join("\n\n");
const PAYLOAD_TEXT = `</textarea><script>window.__xss='rationale'</script><img src=x onerror="window.__xss='rationale-img'"> [x](javascript:alert(1))`;
const PAYLOAD_COMMENT = `<img src=x onerror="window.__xss='comment'"><script>alert('comment')</script>`;

type TWatch = { dialogs: string[]; cspErrors: string[] };
function watch(page: Page): TWatch {
  const seen: TWatch = { dialogs: [], cspErrors: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()) && seen.cspErrors.push(m.text()));
  return seen;
}

async function expectNothingRan(page: Page, seen: TWatch) {
  await page.waitForTimeout(300); // an onerror fires once the broken image fails to load
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  const hrefs = await page.locator("a[href], iframe[src], img[src]").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? ""));
  expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
  expect(await page.locator("iframe").count()).toBe(0);
}

test("script payloads in prompts, responses, rationales and comments render inert", async ({ page, playwright, baseURL }) => {
  test.slow();
  const trainer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${createCliToken(ACCOUNTS.trainer)}` } });
  const annotatorEmail = createCliUser("ANNOTATOR", "xss");
  const line = JSON.stringify({
    id: "xss-1",
    prompt: PAYLOAD_MARKDOWN,
    language: "python",
    responses: [
      { id: "r1", model: "m1", content: "def f():\n    return '</script><script>window.__xss=1</script>'\n" },
      { id: "r2", model: "m2", content: "def f():\n    return '<img src=x onerror=alert(1)>'\n" },
    ],
  });
  const project = await createSecurityProject(trainer, { items: 1, name: "xss", itemLines: [line] });
  const rubric = await trainer.get(`/api/v1/projects/${project.id}`);
  expect(rubric.status()).toBe(200);
  expect((await trainer.post(`/api/v1/projects/${project.id}/members`, { data: { email: annotatorEmail } })).status()).toBe(200);

  const seen = watch(page);
  await signIn(page, annotatorEmail);
  await page.goto(`/annotate/${project.id}`);
  const assignmentId = await waitForAssignment(page);
  await expect(page.getByTestId("prompt")).toContainText("Sort the list.");
  // the markdown link keeps its text and loses its javascript: target; raw HTML is dropped, not run
  await expect(page.getByTestId("prompt")).toContainText("click me");
  await expectNothingRan(page, seen);

  await press(page, "3", "2", "r");
  await page.keyboard.type(PAYLOAD_TEXT);
  await press(page, "Escape", "b", "c");
  await expect(page.getByTestId("comment-composer")).toBeVisible();
  await page.keyboard.type(PAYLOAD_COMMENT);
  await press(page, "Enter");
  await expect(page.getByTestId("comment-list")).toContainText("<img src=x onerror=");
  await expectNothingRan(page, seen);
  await press(page, "Escape", "Control+Enter");
  // the project's only item is done
  await expect(page.getByTestId("all-done")).toBeVisible();
  expect(assignmentId).toBeTruthy();
  // the screen moves on before the server acknowledges; leaving while a judgment is in the outbox
  // asks first (beforeunload), which would abort this navigation
  await waitForSent(page);

  await page.goto(`/annotate/${project.id}/history`);
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  // shown literally, as text
  await expect(page.getByTestId("history")).toContainText("<script>window.__xss='rationale'</script>");
  await expectNothingRan(page, seen);
  const stored = (await (await page.request.get(`/api/v1/projects/${project.id}/my-judgments`)).json()) as { judgments: Array<{ rationale: string; comments: Array<{ text: string }> }> };
  expect(stored.judgments[0].rationale).toBe(PAYLOAD_TEXT);
  expect(stored.judgments[0].comments[0].text).toBe(PAYLOAD_COMMENT);
  expect(seen.cspErrors).toEqual([]);

  // staff screens show the same prompt: the trainer's item list and the admin pages stay inert too
  const staff = await page.context().browser()!.newPage();
  const staffSeen = watch(staff);
  await signIn(staff, ACCOUNTS.trainer);
  for (const path of [`/train/${project.id}`, `/train/${project.id}/settings`]) {
    await staff.goto(path);
    await expectNothingRan(staff, staffSeen);
  }
  await staff.close();
  await trainer.dispose();
});

test("API answers are JSON with nosniff, so a stored payload is never sniffed into HTML", async ({ playwright, baseURL }) => {
  // JSON responses are never sniffed into HTML: nosniff and a JSON content type on every API answer
  const session = await playwright.request.newContext({ baseURL });
  await signInApi(session, ACCOUNTS.ann1);
  const response = await session.get("/api/v1/projects");
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  await session.dispose();
});

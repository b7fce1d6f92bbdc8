import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, createTokenInUi, signIn } from "./fixtures";

const ndjson = (lines: unknown[]) => Buffer.from(lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");

const item = (id: string) => ({
  id,
  prompt: `Write \`${id}\` in Python.`,
  language: "python",
  responses: [
    { id: "r1", model: "model-alpha", content: "def f():\n    return 1\n" },
    { id: "r2", model: "model-beta", content: "def f():\n    return 2\n" },
  ],
});

// Creates a project through the trainer's form and returns its id from the URL it lands on.
async function createProject(page: Page, name: string): Promise<string> {
  await page.goto("/train");
  const form = page.getByTestId("create-project");
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("project-name")).toHaveText(name);
  const id = /\/train\/([^/?#]+)$/.exec(new URL(page.url()).pathname)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

async function uploadItems(page: Page, fileName: string, body: Buffer) {
  await page.getByTestId("items-file").setInputFiles({ name: fileName, mimeType: "application/x-ndjson", buffer: body });
  await expect(page.getByTestId("items-file-name")).toContainText(fileName);
  await page.getByRole("button", { name: "Upload items" }).click();
}

test.describe("trainer project screen", () => {
  test("imports an NDJSON file with progress, then lists every bad line of a rejected file", async ({ page }) => {
    await signIn(page, ACCOUNTS.trainer);
    const projectId = await createProject(page, `E2E import ${randomUUID().slice(0, 6)}`);
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/train/${projectId}/import$`));

    // hold the request so the progress display can be seen before the answer arrives
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/v1/projects/${projectId}/items`, async (route) => {
      await held;
      await route.continue();
    });
    const good = ndjson([item("e2e-one"), item("e2e-two")]);
    await uploadItems(page, "items.ndjson", good);
    const progress = page.getByTestId("items-progress");
    await expect(progress).toContainText(`of ${good.byteLength} B`);
    await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuemax", String(good.byteLength));
    release();
    await expect(page.getByTestId("items-result")).toHaveText("Imported: 2 created, 0 updated.");
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId("stat-items")).toHaveText("2");
    await page.unroute(`**/api/v1/projects/${projectId}/items`);

    const bad = ndjson([item("e2e-three"), { ...item("e2e-four"), responses: [] }, item("e2e-five"), "{not json"]);
    await uploadItems(page, "bad.ndjson", bad);
    const errors = page.getByTestId("items-errors");
    await expect(errors).toBeVisible();
    await expect(page.getByTestId("items-error")).toContainText("2 bad line(s); nothing was imported");
    const rows = errors.getByTestId("import-error-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator("td").first()).toHaveText("2");
    await expect(rows.nth(1).locator("td").first()).toHaveText("4");
    await expect(rows.nth(1)).toContainText("not valid JSON");
    await expect(page.getByTestId("stat-items")).toHaveText("2");

    // scores go in by drag and drop; the trainer then sees models and scores on the Items tab
    const scores = ndjson([{ item: "e2e-one", response: "r1", scores: { reward_model: 0.75 }, tests: { passed: 4, total: 5 } }]).toString();
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "scores.ndjson", { type: "application/x-ndjson" }));
      return transfer;
    }, scores);
    await page.getByTestId("scores-upload").getByText("Drop an NDJSON file here").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByTestId("scores-file-name")).toContainText("scores.ndjson");
    await page.getByRole("button", { name: "Upload scores" }).click();
    await expect(page.getByTestId("scores-result")).toHaveText("Scores saved: 1 response(s) updated.");

    await page.getByRole("link", { name: "Items", exact: true }).click();
    const row = page.getByTestId("item-row-e2e-one");
    await expect(row).toContainText("model-alpha");
    await expect(row).toContainText("reward_model 0.750");
    await expect(row).toContainText("tests 4/5");
    await expect(page.getByTestId("items-total")).toHaveText("2 items");
  });

  test("a rubric edit rewrites version 1 until it has judgments, then creates version 2", async ({ page, playwright, baseURL }) => {
    await signIn(page, ACCOUNTS.trainer);
    const projectId = await createProject(page, `E2E rubric ${randomUUID().slice(0, 6)}`);
    await page.goto(`/train/${projectId}/import`);
    await uploadItems(page, "items.ndjson", ndjson([item("rubric-one"), item("rubric-two")]));
    await expect(page.getByTestId("items-result")).toHaveText("Imported: 2 created, 0 updated.");

    await page.getByRole("link", { name: "Members", exact: true }).click();
    await page.getByLabel("Add a member by email").fill(ACCOUNTS.ann1);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByTestId(`member-row-${ACCOUNTS.ann1}`)).toContainText("active");

    await page.getByRole("link", { name: "Rubric", exact: true }).click();
    await page.getByLabel("Aspect 2 label").fill("Clarity");
    await page.getByRole("button", { name: "Save rubric" }).click();
    await expect(page.getByTestId("rubric-save-result")).toHaveText("Version 1 updated in place (no judgments used it).");
    await expect(page.getByTestId("rubric-version-1")).toContainText("current");
    await expect(page.getByTestId("rubric-version-2")).toHaveCount(0);

    // an annotator judges one pair through the public API
    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.ann1);
    expect((await page.goto(`/train/${projectId}/rubric`))?.status()).toBe(403);
    const secret = await createTokenInUi(page, `e2e rubric ${projectId}`);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
    const next = await api.get(`/api/v1/projects/${projectId}/next`);
    expect(next.status()).toBe(200);
    const { assignment } = await next.json();
    expect(assignment.rubric.aspects[1].label).toBe("Clarity");
    const judged = await api.post(`/api/v1/assignments/${assignment.id}/judgment`, { data: { idempotencyKey: randomUUID(), preference: -2, aspects: { correctness: -1 } } });
    expect(judged.status()).toBe(201);
    await api.dispose();

    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.trainer);
    await page.goto(`/train/${projectId}/rubric`);
    await expect(page.getByTestId("rubric-editor")).toContainText("Version 1 has 1 judgment(s)");
    await page.getByLabel("Aspect 2 label").fill("Legibility");
    await page.getByRole("button", { name: "Save rubric" }).click();
    await expect(page.getByTestId("rubric-save-result")).toHaveText("Saved as version 2; version 1 keeps its judgments.");
    await expect(page.getByTestId("rubric-current-version")).toHaveText("version 2");
    await expect(page.getByTestId("rubric-version-2")).toContainText("current");
    await expect(page.getByTestId("rubric-version-1")).toContainText("1 judgment");
    await expect(page.getByTestId("stat-judgments")).toHaveText("1");
  });
});

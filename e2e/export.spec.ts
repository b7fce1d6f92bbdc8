import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";

// Four pairs, each with one clearly better answer ("GOOD") that every annotator prefers.
const items = Array.from({ length: 4 }, (_, i) => ({
  id: `exp-${i}`,
  prompt: `Write function number ${i}.`,
  language: "python",
  responses: [
    { id: "r1", model: "model-good", content: `def f${i}():\n    return ${i}  # GOOD\n` },
    { id: "r2", model: "model-bad", content: `def f${i}():\n    pass\n` },
  ],
}));

// A signed-in browser's API client: cookie auth, with the Origin header mutations must carry.
async function sessionApi(browser: Browser, baseURL: string, email: string): Promise<{ api: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const page = await context.newPage();
  await signIn(page, email);
  return { api: context.request, close: () => context.close() };
}

async function judgeAll(api: APIRequestContext, projectId: string): Promise<number> {
  let judged = 0;
  for (;;) {
    const next = await api.get(`/api/v1/projects/${projectId}/next`);
    if (next.status() === 204) return judged;
    expect(next.status()).toBe(200);
    const { assignment } = (await next.json()) as { assignment: { id: string; responses: Array<{ slot: string; content: string }> } };
    const goodSlot = assignment.responses.find((r) => r.content.includes("GOOD"))!.slot;
    const preference = goodSlot === "A" ? -2 : 2;
    const posted = await api.post(`/api/v1/assignments/${assignment.id}/judgment`, { data: { idempotencyKey: randomUUID(), preference, aspects: { correctness: preference } } });
    expect(posted.status()).toBe(201);
    judged++;
  }
}

test.describe("dataset export", () => {
  test("a trainer previews, downloads, and finds the download with its sha256 among past exports; annotators get 403", async ({ page, browser, baseURL }) => {
    const trainer = await sessionApi(browser, baseURL!, ACCOUNTS.trainer);
    const created = await trainer.api.post("/api/v1/projects", { data: { name: `E2E export ${randomUUID().slice(0, 6)}`, mode: "pairwise", overlap: 3 } });
    expect(created.status()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;
    for (const email of [ACCOUNTS.ann1, ACCOUNTS.ann2, ACCOUNTS.ann3]) {
      expect((await trainer.api.post(`/api/v1/projects/${projectId}/members`, { data: { email } })).status()).toBe(200);
    }
    const imported = await trainer.api.post(`/api/v1/projects/${projectId}/items`, {
      headers: { "Content-Type": "application/x-ndjson" },
      data: items.map((i) => JSON.stringify(i)).join("\n") + "\n",
    });
    expect(imported.status()).toBe(200);
    await trainer.close();

    for (const email of [ACCOUNTS.ann1, ACCOUNTS.ann2, ACCOUNTS.ann3]) {
      const annotator = await sessionApi(browser, baseURL!, email);
      expect(await judgeAll(annotator.api, projectId)).toBe(4);
      if (email === ACCOUNTS.ann1) {
        const denied = await annotator.api.get(`/api/v1/projects/${projectId}/export?format=dpo`);
        expect(denied.status()).toBe(403);
        expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("forbidden");
        expect((await annotator.api.get(`/api/v1/projects/${projectId}/exports`)).status()).toBe(403);
      }
      await annotator.close();
    }

    await signIn(page, ACCOUNTS.trainer);
    await page.goto(`/train/${projectId}/export`);
    await expect(page.getByTestId("past-exports-empty")).toBeVisible();
    await expect(page.getByTestId("export-count-rows")).toHaveText("4");
    const train = Number(await page.getByTestId("export-count-train").textContent());
    const test = Number(await page.getByTestId("export-count-test").textContent());
    expect(train + test).toBe(4);
    const previewRows = page.getByTestId("export-preview-row");
    await expect(previewRows).toHaveCount(4);
    await expect(previewRows.first()).toContainText("GOOD");
    await expect(page.getByTestId("export-preview")).toContainText("chosen");

    // a reward export: the preview follows the options, and the download carries a margin
    await page.getByLabel("Format").selectOption("reward");
    await expect(page.getByTestId("export-preview")).toContainText("margin");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
    expect(download.suggestedFilename()).toBe("reward-all.jsonl");
    const bytes = fs.readFileSync((await download.path())!);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const rows = bytes.toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({ chosen_model: "model-good", rejected_model: "model-bad", n_raters: 3, agreement: 1, margin: 2 / 3 });
      expect(typeof row.prompt).toBe("string");
      expect(JSON.stringify(row)).not.toContain("@example.com");
    }

    const listed = page.getByTestId("past-export-row");
    await expect(listed).toHaveCount(1);
    await expect(listed.first().getByTestId("past-export-sha256")).toHaveText(sha256);
    await expect(listed.first()).toContainText(ACCOUNTS.trainer);
    await expect(listed.first()).toContainText("reward.jsonl");
    await expect(listed.first()).toContainText("complete");

    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.ann1);
    expect((await page.goto(`/train/${projectId}/export`))?.status()).toBe(403);
  });
});

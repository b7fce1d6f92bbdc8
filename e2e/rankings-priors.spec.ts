import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, createTokenInUi, signIn } from "./fixtures";

const ndjson = (lines: unknown[]) => Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");

// Imports and score uploads return before the priors refresh they ask for has run; the rankings
// JSON and the trainer's rankings page say where it stands.
test("an actively sampled project's priors refresh runs after the upload and shows as done", async ({ page, request }) => {
  await signIn(page, ACCOUNTS.trainer);
  const auth = { authorization: `Bearer ${await createTokenInUi(page, `priors ${randomUUID().slice(0, 6)}`)}` };
  const created = await request.post("/api/v1/projects", { headers: auth, data: { name: `E2E priors ${randomUUID().slice(0, 6)}`, mode: "pairwise", overlap: 1, sampling: "active" } });
  expect(created.status()).toBe(201);
  const projectId = (await created.json()).id as string;
  const items = ["p-1", "p-2"].map((id) => ({
    id,
    prompt: `Write ${id}.`,
    language: "python",
    responses: ["r1", "r2", "r3"].map((r, k) => ({ id: r, model: `model-${k}`, content: `def f():\n    return ${k}\n` })),
  }));
  const ndjsonHeaders = { ...auth, "content-type": "application/x-ndjson" };
  expect((await request.post(`/api/v1/projects/${projectId}/items`, { headers: ndjsonHeaders, data: ndjson(items) })).status()).toBe(200);
  const scores = items.flatMap((item) => ["r1", "r2", "r3"].map((r, k) => ({ item: item.id, response: r, scores: { reward_model: k } })));
  expect((await request.post(`/api/v1/projects/${projectId}/scores`, { headers: ndjsonHeaders, data: ndjson(scores) })).status()).toBe(200);

  // the refresh the upload asked for lands in the background: wait for it, not for a fixed time
  await expect
    .poll(async () => (await (await request.get(`/api/v1/projects/${projectId}/rankings`, { headers: auth })).json()).priors.status, { timeout: 30_000 })
    .toBe("done");
  const rankings = await (await request.get(`/api/v1/projects/${projectId}/rankings`, { headers: auth })).json();
  expect(rankings.priors).toMatchObject({ status: "done", items: 2 });
  expect(Object.keys(rankings)).toEqual(expect.arrayContaining(["items", "models", "priors"]));

  await page.goto(`/train/${projectId}/rankings`);
  const notice = page.getByTestId("priors-status");
  await expect(notice).toHaveAttribute("data-status", "done");
  await expect(notice).toContainText("Priors and priorities up to date");

  const refit = await request.post(`/api/v1/projects/${projectId}/rankings/refit`, { headers: auth });
  expect(refit.status()).toBe(200);
  expect(await refit.json()).toMatchObject({ skipped: false, items: 2, priors: { status: "done" } });
});

import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";

const run = promisify(execFile);

// A token for a demo account from the command line, against the test server's database.
async function cliToken(email: string): Promise<string> {
  const { stdout } = await run("npm", ["run", "--silent", "cli", "--", "token:create", "--email", email, "--label", "e2e agreement"], { env: process.env });
  const secret = stdout.trim().split("\n").pop()?.trim() ?? "";
  expect(secret, `token for ${email}`).toMatch(/^cjt_/);
  return secret;
}

const GOOD = "def add(a, b):\n    return a + b\n";
const BAD = "def add(a, b):\n    # adds the numbers\n    return a - b\n";
const item = (id: string, isGold: boolean) => ({
  id,
  prompt: `Write \`add\` (${id}).`,
  language: "python",
  responses: [
    { id: "r1", model: "model-good", content: GOOD },
    { id: "r2", model: "model-bad", content: BAD },
  ],
  ...(isGold ? { gold: { preference: -2, responses: ["r1", "r2"] } } : {}),
});

type TAssignment = { id: string; responses: Array<{ slot: string; content: string }> };

// Works through every assignment the annotator is given, preferring r1 (the correct answer) or,
// when `picksWrongOnGold`, r2 on the gold items. The slot order is random: which slot holds r1 is
// read from the content shown.
async function annotateAll(request: APIRequestContext, token: string, projectId: string, picksWrongOnGold: boolean, goldPrompts: Set<string>) {
  const headers = { authorization: `Bearer ${token}` };
  for (let n = 0; n < 20; n++) {
    const next = await request.get(`/api/v1/projects/${projectId}/next`, { headers });
    if (next.status() === 204) return;
    expect(next.status()).toBe(200);
    const { assignment } = (await next.json()) as { assignment: TAssignment & { item: { prompt: string } } };
    const isGold = goldPrompts.has(assignment.item.prompt);
    const wantGood = !(picksWrongOnGold && isGold);
    const goodIsLeft = assignment.responses[0].content === GOOD;
    const preference = goodIsLeft === wantGood ? -2 : 2;
    const submitted = await request.post(`/api/v1/assignments/${assignment.id}/judgment`, {
      headers,
      data: { idempotencyKey: randomUUID(), preference, aspects: { correctness: preference }, activeSeconds: 20 + n * 5 },
    });
    expect(submitted.status()).toBe(201);
  }
  throw new Error("more assignments than expected");
}

test.describe("agreement dashboard", () => {
  test("an admin sees the numbers and a flagged rater, pauses them and downloads the rater table", async ({ page, request }) => {
    test.setTimeout(120_000);
    const [admin, ann1, ann2, ann3] = await Promise.all([ACCOUNTS.admin, ACCOUNTS.ann1, ACCOUNTS.ann2, ACCOUNTS.ann3].map(cliToken));
    const auth = { authorization: `Bearer ${admin}` };

    // a fresh project: three gold pairs served first (gold rate 1), three ordinary pairs, overlap 3
    const created = await request.post("/api/v1/projects", { headers: auth, data: { name: `E2E agreement ${randomUUID().slice(0, 6)}`, mode: "pairwise", overlap: 3, goldRate: 1 } });
    expect(created.status()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;
    for (const email of [ACCOUNTS.ann1, ACCOUNTS.ann2, ACCOUNTS.ann3]) {
      expect((await request.post(`/api/v1/projects/${projectId}/members`, { headers: auth, data: { email } })).status()).toBe(200);
    }
    const items = ["g1", "g2", "g3"].map((id) => item(id, true)).concat(["o1", "o2", "o3"].map((id) => item(id, false)));
    const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
    const imported = await request.post(`/api/v1/projects/${projectId}/items`, { headers: { ...auth, "content-type": "application/x-ndjson" }, data: ndjson(items) });
    expect(imported.status()).toBe(200);
    const scores = items.flatMap((i) => [{ item: i.id, response: "r1", scores: { reward_model: 2 } }, { item: i.id, response: "r2", scores: { reward_model: -1 } }]);
    expect((await request.post(`/api/v1/projects/${projectId}/scores`, { headers: { ...auth, "content-type": "application/x-ndjson" }, data: ndjson(scores) })).status()).toBe(200);

    const goldPrompts = new Set(items.filter((i) => "gold" in i).map((i) => i.prompt));
    await annotateAll(request, ann1, projectId, false, goldPrompts);
    await annotateAll(request, ann2, projectId, false, goldPrompts);
    await annotateAll(request, ann3, projectId, true, goldPrompts);

    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/train/${projectId}/agreement`);
    await expect(page.getByTestId("agreement-judgments")).toHaveText("18");
    await expect(page.getByTestId("agreement-units")).toHaveText("6");
    // winners: gold pairs first, first, second (P_i = 1/3); ordinary pairs unanimous → p_a = (1 + 3)/6
    await expect(page.getByTestId("agreement-percent")).toHaveText("66.7%");
    await expect(page.getByTestId("field-context")).toContainText("72.6 ± 1.5 %");
    await expect(page.getByTestId("alpha-chart")).toBeVisible();
    await expect(page.getByTestId("seconds-histogram")).toBeVisible();
    await expect(page.getByTestId("position-bias-chart")).toBeVisible();
    await expect(page.getByTestId("model-row-reward_model")).toContainText("100.0%");

    const flagged = page.getByTestId(`rater-row-${ACCOUNTS.ann3}`);
    await expect(flagged).toHaveAttribute("data-flagged", "true");
    await expect(flagged).toContainText("flagged");
    await expect(flagged).toContainText("0% (3)");
    await expect(page.getByTestId(`rater-row-${ACCOUNTS.ann1}`)).toHaveAttribute("data-flagged", "false");

    // a click on a header sorts by it, a second click reverses: worst gold accuracy first, then best
    const firstRow = page.getByTestId("rater-table").locator("tbody tr").first();
    const goldHeader = page.getByTestId("rater-table").getByRole("button", { name: "Gold" });
    await goldHeader.click();
    await expect(firstRow).toHaveAttribute("data-testid", `rater-row-${ACCOUNTS.ann3}`);
    await goldHeader.click();
    await expect(firstRow).toHaveAttribute("data-testid", `rater-row-${ACCOUNTS.ann1}`);

    await flagged.getByRole("button", { name: `Pause ${ACCOUNTS.ann3}` }).click();
    await expect(flagged).toContainText("paused");
    await expect(flagged.getByRole("button", { name: `Resume ${ACCOUNTS.ann3}` })).toBeVisible();
    const refused = await request.get(`/api/v1/projects/${projectId}/next`, { headers: { authorization: `Bearer ${ann3}` } });
    expect(refused.status()).toBe(403);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-raters").click()]);
    expect(download.suggestedFilename()).toBe(`quality-raters-${projectId}.csv`);
    const csv = fs.readFileSync((await download.path()) as string, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^rater,email,judgments,agreement_with_others,gold_accuracy,/);
    expect(csv).toMatch(new RegExp(`,${ACCOUNTS.ann3.replace(/\./g, "\\.")},6,[^,]*,0,3,true,true,`));

    // annotators may not read the report
    expect((await request.get(`/api/v1/projects/${projectId}/agreement`, { headers: { authorization: `Bearer ${ann1}` } })).status()).toBe(403);
  });
});

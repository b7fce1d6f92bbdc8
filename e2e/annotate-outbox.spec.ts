import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { PROJECTS, myJudgments, openWorkspace, press, projectIdByName, waitForAssignment, waitForSent } from "./annotate-helpers";

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null") as Record<string, unknown> | null, key);

// The next comparison shows at once while the judgment travels in the background; one that the
// server does not take stays on screen and in this browser until it is sent again. (ann2 on the
// rating project: no other test judges there as ann2.)
test("a submitted judgment that the server refuses is kept, shown, and sent again on request", async ({ page }) => {
  await signIn(page, ACCOUNTS.ann2);
  const projectId = await projectIdByName(page, PROJECTS.rating);
  const firstId = await openWorkspace(page, projectId);

  // the first attempt finds no connection (retried in the background), the next is refused
  let attempts = 0;
  await page.route("**/api/v1/assignments/*/judgment", (route) =>
    attempts++ === 0
      ? route.abort("internetdisconnected")
      : route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ error: { code: "forbidden", message: "Your work on this project is paused by an admin" } }) }),
  );
  await press(page, "4", "3", "5", "2", "4", "5", "Control+Enter");
  const secondId = await waitForAssignment(page, firstId);
  await expect(page.getByTestId("outbox-offline")).toBeVisible();
  await expect(page.getByTestId("outbox-error")).toContainText("paused by an admin");
  await expect(page.getByTestId("annotation-workspace")).toHaveAttribute("data-unsent", "1");
  expect(attempts).toBe(2);
  expect(await myJudgments(page, projectId)).toHaveLength(0);
  const queued = await stored(page, `codejudge:outbox:${firstId}`);
  expect(queued?.input).toMatchObject({ ratings: { A: { correctness: 4, readability: 3, efficiency: 5, security: 2, idiomaticity: 4 } }, confidence: 5 });
  expect(await stored(page, `codejudge:draft:${firstId}`)).not.toBeNull();

  // a reload keeps it: sent again at once (refused again), and the unsent item is not shown twice
  await page.reload();
  expect(await waitForAssignment(page)).toBe(secondId);
  await expect(page.getByTestId("outbox-error")).toBeVisible();
  expect(attempts).toBe(3);

  await page.unroute("**/api/v1/assignments/*/judgment");
  await page.getByTestId("outbox-retry").click();
  await waitForSent(page);
  await expect(page.getByTestId("outbox-error")).toHaveCount(0);
  const judgments = await myJudgments(page, projectId);
  expect(judgments).toHaveLength(1);
  expect(judgments[0].ratings).toEqual({ correctness: 4, readability: 3, efficiency: 5, security: 2, idiomaticity: 4 });
  expect(await stored(page, `codejudge:outbox:${firstId}`)).toBeNull();
  expect(await stored(page, `codejudge:draft:${firstId}`)).toBeNull();
});

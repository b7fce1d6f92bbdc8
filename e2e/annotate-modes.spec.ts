import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { PROJECTS, myJudgments, openWorkspace, press, projectIdByName, waitForSent } from "./annotate-helpers";

// Rating and ranking each on their own project, so these never meet the pairwise tests' units.
test.describe("rating and ranking modes", () => {
  test("rating mode: one response rated 1–5 per aspect by keyboard", async ({ page }) => {
    await signIn(page, ACCOUNTS.ann1);
    const projectId = await projectIdByName(page, PROJECTS.rating);
    const assignmentId = await openWorkspace(page, projectId);
    await expect(page.getByTestId("workspace")).toHaveAttribute("data-mode", "rating");
    await expect(page.locator(".monaco-editor")).toHaveCount(1);
    await expect(page.getByTestId("field-preference")).toHaveCount(0);

    // correctness, readability, efficiency, security, idiomaticity, then confidence
    await press(page, "4", "3", "5", "2", "4", "5", "Control+Enter");
    await expect(page.getByTestId("workspace").or(page.getByTestId("all-done"))).toBeVisible();
    await expect(page.getByTestId("workspace")).not.toHaveAttribute("data-assignment-id", assignmentId);

    await waitForSent(page);
    const [judgment] = await myJudgments(page, projectId);
    expect(judgment.ratings).toEqual({ correctness: 4, readability: 3, efficiency: 5, security: 2, idiomaticity: 4 });
    expect(judgment.confidence).toBe(5);
  });

  test("ranking mode: reorder by keyboard and by drag, then submit", async ({ page }) => {
    await signIn(page, ACCOUNTS.ann3);
    const projectId = await projectIdByName(page, PROJECTS.ranking);
    const assignmentId = await openWorkspace(page, projectId);
    await expect(page.getByTestId("workspace")).toHaveAttribute("data-mode", "ranking");
    const cards = page.getByTestId("ranking").locator("li");
    const order = async () => (await cards.evaluateAll((items) => items.map((li) => li.getAttribute("data-testid")?.replace("rank-card-", ""))));
    const initial = await order();
    expect(initial.length).toBeGreaterThanOrEqual(3);

    // focus the first card (j then k), move it down one place with Alt+↓
    await press(page, "j", "k", "Alt+ArrowDown");
    const afterKeys = [initial[1], initial[0], ...initial.slice(2)];
    await expect.poll(order).toEqual(afterKeys);
    await expect(page.getByTestId(`rank-card-${initial[0]}`)).toBeFocused();

    // drag the last card to the top
    const last = afterKeys[afterKeys.length - 1];
    await page.getByTestId(`rank-card-${last}`).dragTo(page.getByTestId(`rank-card-${afterKeys[0]}`));
    const expected = [last, ...afterKeys.slice(0, -1)];
    await expect.poll(order).toEqual(expected);

    await press(page, "Control+Enter");
    await expect(page.getByTestId("workspace").or(page.getByTestId("all-done"))).toBeVisible();
    await expect(page.getByTestId("workspace")).not.toHaveAttribute("data-assignment-id", assignmentId);
    await waitForSent(page);
    const [judgment] = await myJudgments(page, projectId);
    expect(judgment.ranking).toEqual(expected);
  });
});

test("nothing left shows the all-done state", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const projectId = await projectIdByName(page, PROJECTS.ranking);
  await page.route(`**/api/v1/projects/${projectId}/next**`, (route) => route.fulfill({ status: 204 }));
  await page.goto(`/annotate/${projectId}`);
  await expect(page.getByTestId("all-done")).toContainText("All done");
});

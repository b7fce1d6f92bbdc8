import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { PROJECTS, myJudgments, openWorkspace, press, projectIdByName, waitForAssignment, waitForSent } from "./annotate-helpers";

// Each test works as its own annotator, so the three never compete for the same units.
test.describe("pairwise comparison screen", () => {
  test("an annotator completes three comparisons by keyboard alone, with a line comment", async ({ page }) => {
    test.slow(); // three full loads of the comparison screen on a busy CI machine
    await signIn(page, ACCOUNTS.ann1);
    const projectId = await projectIdByName(page, PROJECTS.pairwise);
    const lookAheads: string[] = [];
    page.on("request", (r) => r.url().includes("/next?exclude=") && lookAheads.push(r.url()));
    let assignmentId = await openWorkspace(page, projectId);
    const seen = [assignmentId];

    // 1: B slightly better (5), correctness B better (6), then a comment on lines of B
    await expect(page.getByTestId("field-preference")).toHaveAttribute("data-active", "true");
    await press(page, "5", "6");
    await expect(page.getByTestId("value-preference")).toHaveText("B slightly better");
    await expect(page.getByTestId("field-aspect:readability")).toHaveAttribute("data-active", "true");
    // from line 1, two Shift+↓ end the selection at the start of line 3: lines 1–2 are selected
    await press(page, "b", "Shift+ArrowDown", "Shift+ArrowDown", "c");
    const composer = page.getByTestId("comment-composer");
    await expect(composer).toContainText("lines 1–2");
    await page.keyboard.type("Edge case: empty input is not handled");
    await press(page, "Enter");
    await expect(composer).toHaveCount(0);
    await expect(page.getByTestId("comment-list")).toContainText("Edge case: empty input is not handled");
    await expect(page.getByTestId("code-pane-B").locator(".line-comment-glyph")).not.toHaveCount(0);
    await press(page, "Escape", "Control+Enter");
    assignmentId = await waitForAssignment(page, assignmentId);
    seen.push(assignmentId);

    // 2: tie (4), correctness tie (4), confidence via j-navigation
    await press(page, "4", "4", "j", "j", "j", "j", "5", "Control+Enter");
    assignmentId = await waitForAssignment(page, assignmentId);
    seen.push(assignmentId);

    // 3: both unacceptable (0): the aspects are then optional
    await press(page, "0", "Control+Enter");
    const after = page.getByTestId("workspace").or(page.getByTestId("all-done"));
    await expect(after).toBeVisible();
    await expect(page.getByTestId("workspace")).not.toHaveAttribute("data-assignment-id", assignmentId);
    expect(new Set(seen).size).toBe(3);
    // each comparison shown fetched the following one ahead of time
    for (const id of seen) expect(lookAheads.some((url) => url.endsWith(`exclude=${id}`))).toBe(true);

    await waitForSent(page);
    const judgments = await myJudgments(page, projectId);
    expect(judgments).toHaveLength(3);
    const withComment = judgments.find((j) => j.comments.length > 0);
    expect(withComment?.preference).toBe(1);
    expect(withComment?.aspects.correctness).toBe(2);
    expect(withComment?.comments).toEqual([{ slot: "B", lineStart: 1, lineEnd: 2, aspect: "readability", text: "Edge case: empty input is not handled" }]);
    expect(judgments.filter((j) => j.bothBad)).toHaveLength(1);
    expect(judgments.some((j) => j.preference === 0 && j.confidence === 5)).toBe(true);

    await page.goto(`/annotate/${projectId}/history`);
    await expect(page.getByTestId("history-row")).toHaveCount(3);
    await expect(page.getByTestId("history-comment-count")).toHaveText("1 line comment");
    await expect(page.getByTestId("history")).toContainText("Both unacceptable");
  });

  test("a reload keeps the draft, and a double submit stores one judgment", async ({ page }) => {
    await signIn(page, ACCOUNTS.ann2);
    const projectId = await projectIdByName(page, PROJECTS.pairwise);
    const firstId = await openWorkspace(page, projectId);

    await press(page, "3", "2", "r");
    await page.keyboard.type("A validates its input; B does not.");
    await press(page, "Escape");
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
    await page.reload();
    expect(await waitForAssignment(page)).toBe(firstId);
    await expect(page.getByTestId("value-preference")).toHaveText("A slightly better");
    await expect(page.getByTestId("field-aspect:correctness").getByRole("radio", { checked: true })).toHaveAttribute("aria-label", "A better");
    await expect(page.getByTestId("rationale")).toHaveValue("A validates its input; B does not.");

    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().includes("/judgment") && posts.push(r.url()));
    await page.getByTestId("submit").dblclick();
    const secondId = await waitForAssignment(page, firstId);
    await waitForSent(page);
    expect(posts).toHaveLength(1);
    expect(await myJudgments(page, projectId)).toHaveLength(1);

    // the same idempotencyKey sent twice at once (a retry racing the original) gives one judgment
    await press(page, "6", "6");
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
    const results = await page.evaluate(async (id) => {
      const draft = JSON.parse(localStorage.getItem(`codejudge:draft:${id}`) ?? "{}") as { idempotencyKey: string };
      const body = JSON.stringify({ idempotencyKey: draft.idempotencyKey, preference: 2, aspects: { correctness: 2 } });
      const send = () => fetch(`/api/v1/assignments/${id}/judgment`, { method: "POST", headers: { "content-type": "application/json" }, body });
      const answers = await Promise.all([send(), send()]);
      return Promise.all(answers.map(async (r) => ({ status: r.status, body: (await r.json()) as { judgmentId: string } })));
    }, secondId);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(results[0].body.judgmentId).toBe(results[1].body.judgmentId);
    expect(await myJudgments(page, projectId)).toHaveLength(2);
  });

  test("the diff view shows a computed diff; wrap, help and a narrow layout work", async ({ page }) => {
    await signIn(page, ACCOUNTS.ann3);
    const projectId = await projectIdByName(page, PROJECTS.pairwise);
    await openWorkspace(page, projectId);
    await expect(page.locator(".monaco-editor")).toHaveCount(2);

    // the two panes scroll together
    const linesTop = (slot: string) => page.getByTestId(`code-pane-${slot}`).locator(".lines-content").evaluate((e) => (e as HTMLElement).style.top);
    const paneA = await page.getByTestId("code-pane-A").boundingBox();
    await page.mouse.move((paneA?.x ?? 0) + 150, (paneA?.y ?? 0) + 80);
    await page.mouse.wheel(0, 120);
    await expect.poll(() => linesTop("A")).not.toBe("0px");
    await expect.poll(async () => (await linesTop("B")) === (await linesTop("A"))).toBe(true);

    await press(page, "d");
    const diff = page.getByTestId("diff-view");
    await expect(diff).toBeVisible();
    // Monaco computes the diff in its worker; the summary bar says when it is done and what it found
    const summary = page.getByTestId("diff-summary");
    await expect(summary).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    expect(Number(await summary.getAttribute("data-regions"))).toBeGreaterThan(0);
    await expect(summary).toContainText(/\d+ changed regions? · \+\d+ −\d+ lines/);
    await summary.getByRole("button", { name: "Next change" }).click();
    await expect(diff.locator(".line-insert, .char-insert, .line-delete, .char-delete").first()).toBeAttached();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // the keys below go to the page
    await press(page, "d");
    await expect(diff).toHaveCount(0);

    await press(page, "w");
    await expect(page.getByTestId("toggle-wrap")).toHaveAttribute("aria-pressed", "true");
    await press(page, "?");
    await expect(page.getByTestId("shortcuts-overlay")).toContainText("Both unacceptable");
    await press(page, "Escape");
    await expect(page.getByTestId("shortcuts-overlay")).toHaveCount(0);

    // keys typed into the rationale are text, not shortcuts
    await press(page, "r");
    await page.keyboard.type("d1w");
    await expect(page.getByTestId("rationale")).toHaveValue("d1w");
    await expect(page.getByTestId("diff-view")).toHaveCount(0);
    await expect(page.getByTestId("value-preference")).toHaveText("—");

    const wide = await page.getByTestId("code-pane-B").boundingBox();
    const wideA = await page.getByTestId("code-pane-A").boundingBox();
    expect(wide && wideA && wide.x > wideA.x + 100).toBe(true);
    await page.setViewportSize({ width: 700, height: 900 });
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all([page.getByTestId("code-pane-A").boundingBox(), page.getByTestId("code-pane-B").boundingBox()]);
        return a && b ? b.y > a.y + a.height - 5 : false;
      })
      .toBe(true);
  });

  test("a lost connection keeps the draft and retries; skip and an expired lease move on", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    const projectId = await projectIdByName(page, PROJECTS.pairwise);
    const firstId = await openWorkspace(page, projectId);

    await page.route("**/api/v1/assignments/*/draft", (route) => route.abort("internetdisconnected"));
    await press(page, "2");
    await expect(page.getByTestId("offline-banner")).toContainText("Connection lost");
    const local = await page.evaluate((id) => JSON.parse(localStorage.getItem(`codejudge:draft:${id}`) ?? "null") as { preference: number } | null, firstId);
    expect(local?.preference).toBe(-2);
    await page.unroute("**/api/v1/assignments/*/draft");
    await page.getByRole("button", { name: "Retry now" }).click();
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
    await expect(page.getByTestId("offline-banner")).toHaveCount(0);

    await press(page, "s");
    await expect(page.getByTestId("skip-dialog")).toBeVisible();
    await page.keyboard.type("outside my expertise");
    await press(page, "Enter");
    const secondId = await waitForAssignment(page, firstId);
    await expect(page.getByTestId("notice")).toContainText("Skipped");

    await page.route("**/api/v1/assignments/*/judgment", (route) =>
      route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "assignment_expired", message: "The lease on this assignment expired" } }) }),
    );
    await press(page, "4", "4", "r");
    await page.keyboard.type("Keep these words");
    await press(page, "Control+Enter");
    await waitForAssignment(page, secondId);
    await expect(page.getByTestId("notice")).toContainText("expired");
    const kept = await page.evaluate((id) => JSON.parse(localStorage.getItem(`codejudge:draft:${id}`) ?? "null") as { rationale: string } | null, secondId);
    expect(kept?.rationale).toBe("Keep these words");
    await waitForSent(page);
    expect(await myJudgments(page, projectId)).toHaveLength(0);
  });
});

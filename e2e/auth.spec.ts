import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";

test.describe("sign-in and roles", () => {
  for (const [email, home, testId] of [
    [ACCOUNTS.admin, "/admin", "admin-home"],
    [ACCOUNTS.trainer, "/train", "trainer-home"],
    [ACCOUNTS.ann1, "/annotate", "annotator-home"],
  ] as const) {
    test(`${email} signs in and lands on ${home}`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByTestId(testId)).toBeVisible();
    });
  }

  test("an annotator is refused the admin page with a 403", async ({ page }) => {
    await signIn(page, ACCOUNTS.ann1);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("admin-home")).toHaveCount(0);
  });

  test("a trainer is refused the admin page, an annotator the trainer page", async ({ page }) => {
    await signIn(page, ACCOUNTS.trainer);
    expect((await page.goto("/admin"))?.status()).toBe(403);
    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.ann2);
    expect((await page.goto("/train"))?.status()).toBe(403);
  });

  test("a wrong password shows an error and no session", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(ACCOUNTS.admin);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
    const response = await page.goto("/admin");
    expect(page.url()).toContain("/signin");
    expect(response?.status()).toBe(200);
  });

  test("signed-out visitors are sent to sign in", async ({ page }) => {
    await page.goto("/annotate");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fannotate/);
  });
});

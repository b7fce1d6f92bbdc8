import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo1234";
export const ACCOUNTS = {
  admin: "admin@example.com",
  trainer: "trainer@example.com",
  ann1: "ann1@example.com",
  ann2: "ann2@example.com",
  ann3: "ann3@example.com",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toContainText(email);
}

export async function createTokenInUi(page: Page, label: string): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByPlaceholder("e.g. export script").fill(label);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^cjt_/);
  return secret;
}

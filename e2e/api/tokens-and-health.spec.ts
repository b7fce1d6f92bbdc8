import { expect, test } from "@playwright/test";
import { ACCOUNTS, createTokenInUi, signIn } from "../fixtures";

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("the v1 API refuses missing and bad tokens with the one error shape", async ({ request }) => {
  const missing = await request.get("/api/v1/projects");
  expect(missing.status()).toBe(401);
  expect((await missing.json()).error.code).toBe("unauthorized");
  const bad = await request.get("/api/v1/projects", { headers: { Authorization: "Bearer cjt_notarealtoken" } });
  expect(bad.status()).toBe(401);
  const malformed = await request.get("/api/v1/projects", { headers: { Authorization: "Basic abc" } });
  expect(malformed.status()).toBe(401);
});

test("a token made in the UI works as its user until it is revoked", async ({ page, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.trainer);
  const secret = await createTokenInUi(page, "e2e trainer token");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const listed = await api.get("/api/v1/projects");
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  expect(body.projects.map((p: { name: string }) => p.name)).toContain("Code review — pairwise (demo)");

  const created = await api.post("/api/v1/projects", { data: { name: "Made by token", mode: "pairwise" } });
  expect(created.status()).toBe(201);
  const project = await created.json();
  expect(project.rubric.aspects.map((a: { key: string }) => a.key)).toEqual(["correctness", "readability", "efficiency", "security", "idiomaticity"]);

  await page.goto("/settings/tokens");
  const row = page.getByTestId("token-row").filter({ hasText: "e2e trainer token" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  const after = await api.get("/api/v1/projects");
  expect(after.status()).toBe(401);
  await api.dispose();
});

test("an annotator token may not create projects (403) and sees only member projects", async ({ page, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.ann3);
  const secret = await createTokenInUi(page, "ann3");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const denied = await api.post("/api/v1/projects", { data: { name: "nope", mode: "pairwise" } });
  expect(denied.status()).toBe(403);
  expect((await denied.json()).error.code).toBe("forbidden");
  const listed = await (await api.get("/api/v1/projects")).json();
  expect(listed.projects.map((p: { name: string }) => p.name)).not.toContain("Made by token");
  await api.dispose();
});

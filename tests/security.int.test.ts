import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { getPool } from "@/lib/db/client";
import { consumeRateLimit, enforceRateLimit } from "@/lib/security/rate-limit";
import { flushRateCounts } from "@/lib/security/shared-rate-counter";
import { authOptions, SESSION_MAX_AGE_SECONDS, SIGNIN_LIMIT_PER_15_MIN } from "@/lib/auth/auth-options";
import { getApiCaller, TOKEN_LIMIT_PER_MINUTE } from "@/lib/api/get-api-caller";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createUser } from "@/lib/users/create-user";
import { AppError } from "@/lib/errors/app-error";
import { createTestUser } from "./helpers/create-test-user";
import { expectAppError } from "./helpers/expect-app-error";

describe("rate limits (Postgres fixed windows)", () => {
  it("lets `limit` calls through per window, refuses the rest with the time to wait, and is shared by concurrent callers", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeRateLimit({ key, limit: 5, windowSeconds: 60 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.filter((r) => !r.allowed).every((r) => r.remaining === 0 && r.resetSeconds > 0 && r.resetSeconds <= 60)).toBe(true);
    const error = await expectAppError(enforceRateLimit({ key, limit: 5, windowSeconds: 60 }), "rate_limited");
    expect(error.status).toBe(429);
    expect(Number(error.headers?.["Retry-After"])).toBeGreaterThan(0);
  });

  it("starts a new window once the old one has passed", async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await consumeRateLimit({ key, limit: 2, windowSeconds: 60 });
    await getPool().query("UPDATE rate_limits SET window_start = now() - interval '61 seconds' WHERE key = $1", [key]);
    const fresh = await consumeRateLimit({ key, limit: 2, windowSeconds: 60 });
    expect(fresh).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("sign-in: after SIGNIN_RATE_LIMIT attempts per email even the right password is refused", async () => {
    const email = `signin-${randomUUID().slice(0, 8)}@test.example`;
    await createUser({ input: { email, role: "ANNOTATOR", password: "right-password-123" } });
    const provider = authOptions.providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> } };
    const authorize = (password: string, as = email) => provider.options.authorize({ email: as, password }, {});
    expect(await authorize("right-password-123")).toMatchObject({ email });
    for (let i = 1; i < SIGNIN_LIMIT_PER_15_MIN; i++) expect(await authorize("wrong")).toBeNull();
    await expect(authorize("right-password-123")).rejects.toThrow("RateLimited");
    // the key is the normalised email, so case and spaces do not buy new attempts
    await expect(authorize("right-password-123", `  ${email.toUpperCase()} `)).rejects.toThrow("RateLimited");
    // other accounts are unaffected
    const other = `signin-${randomUUID().slice(0, 8)}@test.example`;
    await createUser({ input: { email: other, role: "ANNOTATOR", password: "right-password-123" } });
    expect(await authorize("right-password-123", other)).toMatchObject({ email: other });
  });

  it("API tokens: a token over its per-minute budget gets 429 with Retry-After; other tokens carry on", async () => {
    expect(TOKEN_LIMIT_PER_MINUTE).toBeGreaterThan(0);
    const user = await createTestUser();
    const spent = await createApiToken({ userId: user.id, label: "spent" });
    const fresh = await createApiToken({ userId: user.id, label: "fresh" });
    const call = (secret: string) => getApiCaller(new Request("http://localhost/api/v1/projects", { headers: { authorization: `Bearer ${secret}` } }));
    expect((await call(spent.secret))?.id).toBe(user.id);
    // the first call is counted locally and reaches the shared window at the next flush
    await flushRateCounts();
    expect((await getPool().query("SELECT count FROM rate_limits WHERE key = $1", [`token:${spent.id}`])).rows[0]?.count).toBe(1);
    // other app servers spend the rest of the budget; this one learns their total when it next
    // flushes a call of its own (within a second), and refuses from then on
    await getPool().query("UPDATE rate_limits SET count = $2 WHERE key = $1", [`token:${spent.id}`, TOKEN_LIMIT_PER_MINUTE - 1]);
    expect((await call(spent.secret))?.id).toBe(user.id);
    await flushRateCounts();
    const error = await call(spent.secret).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect(Number((error as AppError).headers?.["Retry-After"])).toBeGreaterThan(0);
    expect((await call(fresh.secret))?.id).toBe(user.id);
  });
});

describe("sessions", () => {
  it("are JWTs that expire after SESSION_MAX_AGE_SECONDS; one past its maxAge is refused", async () => {
    expect(authOptions.session).toMatchObject({ strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS });
    expect(authOptions.jwt?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    const secret = "session-test-secret-0123456789";
    const live = await encode({ token: { sub: "user-1" }, secret, maxAge: 60 });
    expect((await decode({ token: live, secret }))?.sub).toBe("user-1");
    // next-auth allows 15 s of clock skew; this one ran out a minute ago
    const expired = await encode({ token: { sub: "user-1" }, secret, maxAge: -60 });
    await expect(decode({ token: expired, secret })).rejects.toThrow(/exp/);
    // signed with another secret: refused too
    await expect(decode({ token: live, secret: "another-secret-0123456789" })).rejects.toThrow();
  });
});

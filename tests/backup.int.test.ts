import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// docs/backup.md's recipe, end to end: pg_dump -Fc, pg_restore into a fresh database, and the raw
// export before and after is byte-identical. Needs Debian's postgresql-15 (server + matching
// pg_dump), which .ci/run installs; the script starts and removes its own throwaway cluster.
describe("backup and restore", () => {
  it("a restored dump exports the same bytes as the source", () => {
    const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/backup-restore-check.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/identical sha256=[0-9a-f]{64} rows=[1-9]/);
  }, 240_000);
});

// Child process of the crash test in tests/export.int.test.ts: runs one export and is killed
// (SIGKILL) by the test while the export is still being written.
import { parseExportRequest } from "@/lib/export/parse-export-request";
import { runExport } from "@/lib/export/run-export";

const [projectId, userId, format = "dpo", file = "parquet"] = process.argv.slice(2);
await runExport({
  caller: { id: userId, email: "crash@test.example", name: null, role: "TRAINER", via: "token" },
  projectId,
  request: parseExportRequest({ format, file }),
});
console.log("finished");
process.exit(0);

import { describe, expect, it } from "vitest";
import { describeExportRequest, parseExportRequest } from "./parse-export-request";

describe("parseExportRequest", () => {
  it("reads a file export with ZExportParams", () => {
    const request = parseExportRequest({ format: "kto", file: "parquet", split: "test", from: "2025-01-01" });
    expect(request.kind).toBe("file");
    expect(request.params).toMatchObject({ format: "kto", file: "parquet", split: "test" });
    expect(describeExportRequest(request)).toMatchObject({ format: "kto", file: "parquet", from: "2025-01-01T00:00:00.000Z" });
  });

  it("reads file=bundle: Parquet inside, archive, configs and license", () => {
    const request = parseExportRequest({ file: "bundle", archive: "zip", configs: "dpo, kto,dpo", license: "cc-by-4.0" });
    expect(request).toMatchObject({ kind: "bundle", archive: "zip", configs: ["dpo", "kto"], license: "cc-by-4.0", params: { file: "parquet" } });
    expect(parseExportRequest({ file: "bundle" })).toMatchObject({ kind: "bundle", archive: "tar.gz", configs: undefined, license: "other" });
    expect(describeExportRequest(parseExportRequest({ file: "bundle" }))).toMatchObject({ file: "bundle", archive: "tar.gz", configs: null });
  });

  it("throws a ZodError naming the bad fields", () => {
    const bads: Record<string, string>[] = [{ format: "nope" }, { file: "bundle", archive: "rar" }, { file: "bundle", configs: "dpo,xml" }, { file: "bundle", license: "has space" }, { file: "csv", format: "dpo" }];
    for (const bad of bads) {
      expect(() => parseExportRequest(bad), JSON.stringify(bad)).toThrow();
    }
  });
});

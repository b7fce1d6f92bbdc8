import { AppError } from "@/lib/errors/app-error";
import { MAX_IMPORT_BYTES } from "./schemas";

export function assertNdjsonRequest(request: Request): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type && !["application/x-ndjson", "application/jsonl", "application/json", "text/plain", "application/octet-stream"].includes(type)) {
    throw new AppError("unsupported_media_type", `Send NDJSON (application/x-ndjson), not ${type}`);
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES) throw new AppError("payload_too_large", `Upload over ${Math.round(MAX_IMPORT_BYTES / 1048576)} MB`);
}

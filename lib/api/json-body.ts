import type { ZodType } from "zod";
import { AppError } from "@/lib/errors/app-error";

export const MAX_JSON_BYTES = 1_000_000;

// What every JSON body goes through, whichever router read it (lib/api/api-route.ts,
// lib/api/pages-api-route.ts). No content type is taken as JSON; a declared other type (a form
// post, text/plain) is refused, as is a body over the limit, before it is read when it says so.
export function checkJsonHeaders(header: (name: string) => string | null | undefined, maxBytes: number): void {
  const type = (header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type && type !== "application/json" && !type.endsWith("+json")) throw new AppError("unsupported_media_type", `Send application/json, not ${type}`);
  if (Number(header("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Body over ${maxBytes} bytes`);
}

export function parseJsonText<T>(text: string, schema: ZodType<T>, maxBytes: number): T {
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_input", "Body is not valid JSON");
  }
  return schema.parse(value);
}

import { randomUUID } from "node:crypto";

// Tests share one database and run without a global reset, so every name they create is unique.
export function uniqueId(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

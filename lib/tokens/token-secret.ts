import { createHash, randomBytes } from "node:crypto";

// API tokens are random secrets; only their sha256 is stored, so a database leak reveals none.
export const TOKEN_PREFIX = "cjt_";

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

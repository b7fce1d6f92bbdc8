import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

// A stable secret for local runs, kept in the git-ignored .data folder, so sessions survive restarts.
export function ensureLocalSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(process.cwd(), ".data", "nextauth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  const secret = fs.readFileSync(file, "utf8").trim();
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}

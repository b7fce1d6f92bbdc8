import "server-only";
import { getPool } from "@/lib/db/client";

export async function checkHealth(): Promise<{ ok: boolean }> {
  try {
    await Promise.race([getPool().query("SELECT 1"), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

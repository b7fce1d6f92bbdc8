import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok } = await checkHealth();
  return ok
    ? NextResponse.json({ status: "ok", db: "ok" })
    : NextResponse.json({ status: "degraded", db: "unreachable" }, { status: 503 });
}

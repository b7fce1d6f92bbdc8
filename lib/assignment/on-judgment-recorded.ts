import "server-only";
import type { PoolClient } from "pg";

// Hook for strategies that learn online (active sampling updates posteriors and priorities here).
export async function onJudgmentRecorded(
  _client: PoolClient,
  _event: { projectId: string; unitId: string; mode: string; canonicalPreference: number | null; ranking: string[] | null },
): Promise<void> {}

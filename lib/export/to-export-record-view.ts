export type TExportRecordView = {
  id: string;
  status: "RUNNING" | "COMPLETE" | "FAILED";
  format: string;
  file: string;
  params: Record<string, unknown>;
  counts: Record<string, unknown>;
  sha256: string | null;
  bytes: number | null;
  createdAt: string;
  completedAt: string | null;
  by: { email: string; name: string | null } | null;
};

export type TRecordRow = {
  id: string; status: TExportRecordView["status"]; format: string; file: string; params: Record<string, unknown>; counts: Record<string, unknown>;
  sha256: string | null; bytes: string | null; created_at: Date; completed_at: Date | null; email: string | null; name: string | null;
};

export const SELECT_EXPORT_RECORDS = `SELECT e.id, e.status, e.format, e.file, e.params, e.counts, e.sha256, e.bytes, e.created_at, e.completed_at, u.email, u.name
                  FROM export_records e LEFT JOIN users u ON u.id = e.user_id`;

export function toExportRecordView(r: TRecordRow): TExportRecordView {
  return {
    id: r.id,
    status: r.status,
    format: r.format,
    file: r.file,
    params: r.params,
    counts: r.counts,
    sha256: r.sha256,
    bytes: r.bytes === null ? null : Number(r.bytes),
    createdAt: r.created_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    by: r.email ? { email: r.email, name: r.name } : null,
  };
}


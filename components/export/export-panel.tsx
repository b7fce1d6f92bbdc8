"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TExportPreview } from "@/lib/export/preview-export";
import type { TExportRecordView } from "@/lib/export/to-export-record-view";
import { buildExportQuery, DEFAULT_EXPORT_OPTIONS, type TExportOptions } from "./export-options";
import { ExportOptionsForm } from "./export-options-form";
import { ExportCounts, ExportPreviewTable } from "./export-preview-table";
import { PastExportsTable } from "./past-exports-table";

type TProps = { projectId: string; aspectKeys: string[]; rubricVersions: number[]; initialExports: TExportRecordView[] };
type TPreviewState = { status: "loading" } | { status: "ready"; preview: TExportPreview } | { status: "error"; message: string };

const POLL_MS = 1000;
const POLL_LIMIT = 180;

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string; details?: Array<{ path?: string; message: string }> } } | null;
  const details = body?.error?.details?.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
  return details || body?.error?.message || `HTTP ${response.status}`;
}

export function ExportPanel({ projectId, aspectKeys, rubricVersions, initialExports }: TProps) {
  const [options, setOptions] = useState<TExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [preview, setPreview] = useState<TPreviewState>({ status: "loading" });
  const [exports, setExports] = useState(initialExports);
  const [isWaiting, setIsWaiting] = useState(false);
  const query = useMemo(() => buildExportQuery(options).toString(), [options]);
  const base = `/api/v1/projects/${projectId}`;
  const polls = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    setPreview({ status: "loading" });
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${base}/export/preview?${query}`, { signal: controller.signal });
        if (!response.ok) return setPreview({ status: "error", message: await readError(response) });
        setPreview({ status: "ready", preview: (await response.json()) as TExportPreview });
      } catch (error) {
        if (!controller.signal.aborted) setPreview({ status: "error", message: String(error) });
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [base, query]);

  const refreshExports = useCallback(async (): Promise<TExportRecordView[]> => {
    const response = await fetch(`${base}/exports`, { cache: "no-store" });
    if (!response.ok) return exports;
    const { exports: fresh } = (await response.json()) as { exports: TExportRecordView[] };
    setExports(fresh);
    return fresh;
  }, [base, exports]);

  // the download is a plain link (the browser streams it to disk); the list is polled until the new export settles
  useEffect(() => {
    if (!isWaiting) return;
    const known = new Set(initialExports.map((e) => e.id));
    const timer = setInterval(async () => {
      const fresh = await refreshExports();
      const settled = fresh.some((e) => !known.has(e.id) && e.status !== "RUNNING");
      if (settled || ++polls.current > POLL_LIMIT) setIsWaiting(false);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [isWaiting, initialExports, refreshExports]);

  const change = (next: TExportOptions) => {
    const csvAllowed = next.format === "raw" || next.format === "ratings";
    setOptions(next.file === "csv" && !csvAllowed ? { ...next, file: "jsonl" } : next);
  };

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">Export a dataset</h2>
        <p className="mt-1 text-sm text-slate-600">
          Pairs for TRL&apos;s DPO and reward trainers and OpenRLHF, unpaired KTO rows, ratings, rankings or every raw judgment. Raters appear under pseudonyms.
          The same options on the same data always give the same bytes.
        </p>
        <div className="mt-4">
          <ExportOptionsForm options={options} onChange={change} aspectKeys={aspectKeys} rubricVersions={rubricVersions} />
        </div>
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <a
            href={`${base}/export?${query}`}
            download
            onClick={() => {
              polls.current = 0;
              setIsWaiting(true);
            }}
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-slate-700"
            data-testid="export-download"
          >
            Download
          </a>
          <code className="break-all text-xs text-slate-500" data-testid="export-url">GET {base}/export?{query}</code>
          {isWaiting && <span className="text-sm text-slate-500" role="status">Preparing the file…</span>}
        </div>
      </section>

      <section className="space-y-3" aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="text-lg font-semibold">Preview</h2>
        {preview.status === "loading" && <p className="text-sm text-slate-500" role="status">Counting rows…</p>}
        {preview.status === "error" && <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="export-preview-error">{preview.message}</p>}
        {preview.status === "ready" && (
          <>
            <ExportCounts counts={preview.preview.counts} />
            <p className="text-xs text-slate-500">First {preview.preview.rows.length} rows of the {options.split === "all" ? "whole export" : `${options.split} split`}{options.file === "bundle" ? ` (the bundle's ${options.format} config)` : ""}.</p>
            <ExportPreviewTable preview={preview.preview} />
          </>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="past-heading">
        <div className="flex items-center justify-between">
          <h2 id="past-heading" className="text-lg font-semibold">Past exports</h2>
          <button type="button" onClick={() => void refreshExports()} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
            Refresh
          </button>
        </div>
        <PastExportsTable exports={exports} />
      </section>
    </div>
  );
}

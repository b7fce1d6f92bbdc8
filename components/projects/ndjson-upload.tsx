"use client";
import { useId, useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import { ImportErrorsTable } from "./import-errors-table";
import { useNdjsonUpload, type TUploadState } from "./use-ndjson-upload";

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type TProps = {
  endpoint: string;
  name: "items" | "scores";
  maxBytes: number;
};

function describeResult(name: TProps["name"], result: Record<string, number>): string {
  if (name === "items") return `Imported: ${result.created ?? 0} created, ${result.updated ?? 0} updated.`;
  return `Scores saved: ${result.updated ?? 0} response(s) updated.`;
}

export function NdjsonUpload({ endpoint, name, maxBytes }: TProps) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [isDragging, setDragging] = useState(false);
  const { state, upload, cancel, reset, fail } = useNdjsonUpload({ endpoint, onSuccess: () => router.refresh() });
  const isBusy = state.phase === "uploading" || state.phase === "processing";

  const choose = (chosen: File | null | undefined) => {
    if (!chosen || isBusy) return;
    reset();
    setFile(chosen);
    if (chosen.size > maxBytes) fail(`${chosen.name} is ${formatBytes(chosen.size)}; uploads are limited to ${formatBytes(maxBytes)}.`);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files?.[0]);
  };

  return (
    <div data-testid={`${name}-upload`}>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center text-sm transition-colors ${isDragging ? "border-blue-500 bg-blue-50" : "border-slate-300 bg-slate-50"}`}
      >
        <p className="text-slate-600">Drop an NDJSON file here, or</p>
        <label htmlFor={inputId} className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 shadow-sm hover:bg-slate-50">
          Choose file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".ndjson,.jsonl,.json,.txt,application/x-ndjson,application/json,text/plain"
          className="sr-only"
          data-testid={`${name}-file`}
          disabled={isBusy}
          onChange={(e) => {
            choose(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
        />
        {file && (
          <p className="text-slate-700" data-testid={`${name}-file-name`}>
            <span className="font-mono">{file.name}</span> · {formatBytes(file.size)}
          </p>
        )}
      </div>
      <div className="mt-3 flex items-center gap-2">
        <button
          type="button"
          disabled={!file || isBusy || file.size > maxBytes}
          onClick={() => file && upload(file)}
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-slate-800 disabled:cursor-not-allowed disabled:opacity-40"
        >
          Upload {name}
        </button>
        {state.phase === "uploading" && (
          <button type="button" onClick={cancel} className="rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
            Cancel
          </button>
        )}
      </div>
      <UploadStatus state={state} name={name} />
    </div>
  );
}

function UploadStatus({ state, name }: { state: TUploadState; name: TProps["name"] }) {
  if (state.phase === "idle") return null;
  if (state.phase === "uploading" || state.phase === "processing") {
    const sent = state.phase === "uploading" ? state.sent : state.total;
    const percent = state.total ? Math.floor((sent / state.total) * 100) : 100;
    return (
      <div className="mt-4" data-testid={`${name}-progress`}>
        <div className="flex justify-between text-xs text-slate-600">
          <span>{state.phase === "uploading" ? "Uploading…" : "Uploaded; the server is checking and writing every line…"}</span>
          <span className="tabular-nums">{formatBytes(sent)} of {formatBytes(state.total)} · {percent}%</span>
        </div>
        <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label={`${name} upload`} aria-valuemin={0} aria-valuemax={state.total} aria-valuenow={sent}>
          <div className={`h-full rounded-full bg-blue-600 transition-[width] ${state.phase === "processing" ? "animate-pulse" : ""}`} style={{ width: `${percent}%` }} />
        </div>
      </div>
    );
  }
  if (state.phase === "done") {
    return (
      <p role="status" className="mt-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid={`${name}-result`}>
        {describeResult(name, state.result)}
      </p>
    );
  }
  return (
    <div role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid={`${name}-error`}>
      <p className="font-medium">{state.message}</p>
      {state.details.length > 0 && <ImportErrorsTable errors={state.details} testId={`${name}-errors`} />}
    </div>
  );
}

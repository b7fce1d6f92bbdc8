"use client";
import { useCallback, useRef, useState } from "react";

export type TLineError = { line?: number; path?: string; field?: string; message: string };

export type TUploadState =
  | { phase: "idle" }
  | { phase: "uploading"; sent: number; total: number }
  | { phase: "processing"; total: number }
  | { phase: "done"; result: Record<string, number> }
  | { phase: "failed"; status: number; code: string; message: string; details: TLineError[] };

type TErrorBody = { error?: { code?: string; message?: string; details?: TLineError[] } };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// XMLHttpRequest rather than fetch: only XHR reports upload progress. The File itself is the
// body, so the browser streams it from disk and the page never holds the whole upload in memory.
export function useNdjsonUpload(opts: { endpoint: string; onSuccess?: () => void }) {
  const [state, setState] = useState<TUploadState>({ phase: "idle" });
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const { endpoint, onSuccess } = opts;

  const upload = useCallback(
    (file: File) => {
      const xhr = new XMLHttpRequest();
      xhrRef.current = xhr;
      xhr.open("POST", endpoint);
      xhr.setRequestHeader("Content-Type", "application/x-ndjson");
      xhr.setRequestHeader("Accept", "application/json");
      setState({ phase: "uploading", sent: 0, total: file.size });
      xhr.upload.onprogress = (event) => {
        const total = event.lengthComputable ? event.total : file.size;
        setState(event.loaded >= total ? { phase: "processing", total } : { phase: "uploading", sent: event.loaded, total });
      };
      xhr.upload.onload = () => setState({ phase: "processing", total: file.size });
      xhr.onload = () => {
        xhrRef.current = null;
        const body = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === "object") {
          setState({ phase: "done", result: body as Record<string, number> });
          onSuccess?.();
          return;
        }
        const error = (body as TErrorBody | null)?.error;
        setState({
          phase: "failed",
          status: xhr.status,
          code: error?.code ?? "http_error",
          message: error?.message ?? `The server answered ${xhr.status}`,
          details: Array.isArray(error?.details) ? error.details : [],
        });
      };
      xhr.onerror = () => {
        xhrRef.current = null;
        setState({ phase: "failed", status: 0, code: "network", message: "The upload failed: the connection was lost or the server refused the file.", details: [] });
      };
      xhr.onabort = () => {
        xhrRef.current = null;
        setState({ phase: "idle" });
      };
      xhr.send(file);
    },
    [endpoint, onSuccess],
  );

  const cancel = useCallback(() => xhrRef.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, upload, cancel, reset, fail: (message: string) => setState({ phase: "failed", status: 0, code: "client", message, details: [] }) };
}

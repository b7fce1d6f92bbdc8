"use client";
import { useEffect, useState } from "react";
import { loader } from "@monaco-editor/react";

let ready: Promise<void> | null = null;
let api: typeof import("monaco-editor") | null = null;

// @monaco-editor/react would fetch Monaco from a CDN on first mount; hand it the bundled copy
// first, and mount editors only once this resolves.
export function loadMonaco(): Promise<void> {
  ready ??= import("./monaco-bundle").then(async ({ monaco }) => {
    api = monaco;
    loader.config({ monaco });
    await loader.init();
  });
  return ready;
}

// The bundled Monaco API, for code that runs only after loadMonaco() has resolved.
export function monacoApi(): typeof import("monaco-editor") {
  if (!api) throw new Error("Monaco is not loaded yet");
  return api;
}

export function useMonacoReady(): { isReady: boolean; error: string | null } {
  const [isReady, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      () => live && setReady(true),
      (e: unknown) => live && setError(e instanceof Error ? e.message : "The code viewer failed to load"),
    );
    return () => {
      live = false;
    };
  }, []);
  return { isReady, error };
}

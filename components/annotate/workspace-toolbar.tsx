"use client";
import Link from "next/link";
import { Kbd } from "./kbd";
import { SaveIndicator } from "./save-indicator";
import type { TSaveState } from "./use-draft-autosave";

export type TViewPrefs = { isDiff: boolean; isWrapped: boolean; isInstructionsOpen: boolean };

function Toggle({ isOn, label, shortcut, onClick, testId }: { isOn: boolean; label: string; shortcut: string; onClick: () => void; testId: string }) {
  return (
    <button
      type="button"
      aria-pressed={isOn}
      data-testid={testId}
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded border px-2 py-1 text-xs ${isOn ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {label} <Kbd tone={isOn ? "dark" : "light"}>{shortcut}</Kbd>
    </button>
  );
}

const MODE_LABEL = { pairwise: "Pairwise", rating: "Rating", ranking: "Ranking" } as const;

export function WorkspaceToolbar(props: {
  projectName: string;
  projectId: string;
  mode: keyof typeof MODE_LABEL;
  sessionCount: number;
  saveState: TSaveState;
  prefs: TViewPrefs;
  onPrefs: (prefs: TViewPrefs) => void;
  onHelp: () => void;
}) {
  const { projectName, projectId, mode, sessionCount, saveState, prefs, onPrefs } = props;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
      <Link href="/annotate" className="text-sm text-slate-500 hover:text-slate-900" aria-label="All projects">←</Link>
      <h1 className="min-w-0 truncate text-sm font-semibold" data-testid="project-name">{projectName}</h1>
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium text-slate-600">{MODE_LABEL[mode]}</span>
      {sessionCount > 0 && <span className="text-xs text-slate-500" data-testid="session-count">{sessionCount} done this session</span>}
      <SaveIndicator state={saveState} />
      <div className="ml-auto flex items-center gap-1.5">
        {mode === "pairwise" && <Toggle testId="toggle-diff" isOn={prefs.isDiff} label="Diff" shortcut="d" onClick={() => onPrefs({ ...prefs, isDiff: !prefs.isDiff })} />}
        <Toggle testId="toggle-wrap" isOn={prefs.isWrapped} label="Wrap" shortcut="w" onClick={() => onPrefs({ ...prefs, isWrapped: !prefs.isWrapped })} />
        <button type="button" onClick={props.onHelp} className="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50">
          Keys <Kbd>?</Kbd>
        </button>
        <Link href={`/annotate/${projectId}/history`} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">My judgments</Link>
      </div>
    </div>
  );
}

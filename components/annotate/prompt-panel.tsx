"use client";
import { MarkdownView } from "./markdown-view";
import { Kbd } from "./kbd";

// The task as the model saw it, and the project's judging instructions folded away (key `i`).
export function PromptPanel(props: { prompt: string; language: string; instructions: string; isInstructionsOpen: boolean; onToggleInstructions: () => void }) {
  const { prompt, language, instructions, isInstructionsOpen, onToggleInstructions } = props;
  return (
    <section className="rounded-lg border border-slate-200 bg-white" aria-label="Prompt">
      <div className="flex items-center gap-2 border-b border-slate-100 px-4 py-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Prompt</h2>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-600">{language}</span>
        {instructions.trim() && (
          <button type="button" onClick={onToggleInstructions} aria-expanded={isInstructionsOpen} className="ml-auto text-xs text-slate-600 hover:text-slate-900">
            {isInstructionsOpen ? "Hide instructions" : "Show instructions"} <Kbd>i</Kbd>
          </button>
        )}
      </div>
      {isInstructionsOpen && instructions.trim() && (
        <div data-testid="instructions" className="border-b border-slate-100 bg-amber-50/60 px-4 py-1">
          <MarkdownView text={instructions} />
        </div>
      )}
      <div data-testid="prompt" className="max-h-56 overflow-y-auto px-4 py-1">
        <MarkdownView text={prompt} />
      </div>
    </section>
  );
}

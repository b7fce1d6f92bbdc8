"use client";
import ReactMarkdown from "react-markdown";

// Raw HTML in the markdown is shown as text, never rendered, and link URLs pass
// react-markdown's default filter (no javascript: links).
export function MarkdownPreview({ source }: { source: string }) {
  if (!source.trim()) return <p className="text-sm italic text-slate-400">Nothing to preview.</p>;
  return (
    <div className="prose-prompt text-sm">
      <ReactMarkdown>{source}</ReactMarkdown>
    </div>
  );
}

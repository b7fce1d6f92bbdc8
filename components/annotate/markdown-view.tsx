import type { ReactNode } from "react";
import Markdown from "react-markdown";

const COMPONENTS = { a: ({ href, children }: { href?: string; children?: ReactNode }) => <a href={href} target="_blank" rel="noopener noreferrer nofollow">{children}</a> };
const MAX_CACHED = 16;
const cache = new Map<string, ReactNode>();

// Prompts and instructions are user-supplied markdown: raw HTML is dropped (never rendered) and
// react-markdown's default URL filter removes javascript: and similar links. Parsing takes a few
// milliseconds, so the next prompt is parsed ahead (prepareMarkdown) while the annotator works,
// and the switch to it only renders the result.
export function prepareMarkdown(text: string): ReactNode {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const rendered = Markdown({ children: text, skipHtml: true, components: COMPONENTS });
  cache.set(text, rendered);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return rendered;
}

export function MarkdownView({ text, className = "" }: { text: string; className?: string }) {
  return <div className={`prose-prompt text-sm ${className}`}>{prepareMarkdown(text)}</div>;
}

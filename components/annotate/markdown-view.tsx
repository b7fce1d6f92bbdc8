import ReactMarkdown from "react-markdown";

// Prompts and instructions are user-supplied markdown: raw HTML is dropped (never rendered) and
// react-markdown's default URL filter removes javascript: and similar links.
export function MarkdownView({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`prose-prompt text-sm ${className}`}>
      <ReactMarkdown skipHtml components={{ a: ({ href, children }) => <a href={href} target="_blank" rel="noopener noreferrer nofollow">{children}</a> }}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

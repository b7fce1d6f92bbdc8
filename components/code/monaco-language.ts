// Item languages are free text from importers; Monaco wants its own ids.
const ALIASES: Record<string, string> = {
  py: "python", python3: "python", ts: "typescript", tsx: "typescript", js: "javascript", jsx: "javascript",
  node: "javascript", golang: "go", rs: "rust", "c++": "cpp", c: "cpp", cc: "cpp", cs: "csharp", "c#": "csharp",
  sh: "shell", bash: "shell", zsh: "shell", md: "markdown", rb: "ruby", kt: "kotlin", yml: "yaml",
  postgres: "sql", postgresql: "sql", text: "plaintext", txt: "plaintext",
};
const KNOWN = new Set(["python", "typescript", "javascript", "go", "sql", "rust", "java", "cpp", "csharp", "shell", "markdown", "ruby", "kotlin", "html", "css", "yaml", "plaintext"]);

export function toMonacoLanguage(language: string): string {
  const key = language.trim().toLowerCase();
  const id = ALIASES[key] ?? key;
  return KNOWN.has(id) ? id : "plaintext";
}

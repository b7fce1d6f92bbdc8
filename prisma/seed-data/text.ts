// Template tags for the hand-written demo bodies in this folder.
//
// Code is stored verbatim, so the tags read the *raw* template text: `\n`, `\d`, `\s` etc. stay
// exactly as typed (as they must inside Python/Go/TS source). The only escapes that are undone are
// the two a template literal forces on us: \` -> ` and \${ -> ${. The first newline after the
// opening backtick and trailing whitespace are dropped, so bodies can start on their own line.

function raw(strings: TemplateStringsArray, values: unknown[]): string {
  let out = "";
  strings.raw.forEach((chunk, i) => {
    out += chunk;
    if (i < values.length) out += String(values[i]);
  });
  return out
    .replace(/\\`/g, "`")
    .replace(/\\\$\{/g, "${")
    .replace(/^\r?\n/, "")
    .trimEnd();
}

/** Markdown prompt or non-Go source code. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  return raw(strings, values);
}

/** Markdown prompts (same behaviour as `code`, named for readability). */
export const md = code;

/** Go source written with 4-space indents; leading indentation is converted to tabs, as gofmt would. */
export function goCode(strings: TemplateStringsArray, ...values: unknown[]): string {
  return raw(strings, values).replace(/^(?: {4})+/gm, (indent) => "\t".repeat(indent.length / 4));
}

/** The four fictional models, weakest to strongest. */
export const MODELS = {
  alpha: "coder-alpha-7b",
  beta: "coder-beta-34b",
  deep: "deep-sim-coder",
  gpt: "gpt-sim-large",
} as const;

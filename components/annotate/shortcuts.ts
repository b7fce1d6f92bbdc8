// The one list of keys: the handler and the `?` overlay both read it, so they cannot disagree.
export type TKeyAction =
  | { type: "digit"; digit: number }
  | { type: "bothBad" | "next" | "prev" | "clear" | "submit" | "skip" | "diff" | "wrap" | "comment" | "help" | "rationale" | "instructions" | "escape" }
  | { type: "pane"; slot: string | null };

export const SHORTCUTS: Array<{ keys: string[]; label: string; modes?: Array<"pairwise" | "rating" | "ranking"> }> = [
  { keys: ["1", "…", "7"], label: "Set the active field (overall: 1 = A much better … 4 = tie … 7 = B much better)" },
  { keys: ["0"], label: "Both unacceptable (toggle)", modes: ["pairwise"] },
  { keys: ["j", "k"], label: "Next / previous field (Tab and Shift+Tab also move)" },
  { keys: ["←", "→"], label: "Step the focused field's value" },
  { keys: ["x"], label: "Clear the active field" },
  { keys: ["Alt+↑", "Alt+↓"], label: "Move the focused response up / down the ranking", modes: ["ranking"] },
  { keys: ["a", "b"], label: "Put the cursor in response A / B (then Shift+↓ to select lines)" },
  { keys: ["p"], label: "Put the cursor in the next response pane" },
  { keys: ["c"], label: "Comment on the selected lines" },
  { keys: ["r"], label: "Write the rationale" },
  { keys: ["d"], label: "Toggle the diff of A against B", modes: ["pairwise"] },
  { keys: ["w"], label: "Toggle word wrap" },
  { keys: ["i"], label: "Show / hide the project instructions" },
  { keys: ["s"], label: "Skip this item (asks to confirm)" },
  { keys: ["Ctrl+Enter"], label: "Submit (also while typing)" },
  { keys: ["Esc"], label: "Leave a text box or the code, close a dialog" },
  { keys: ["?"], label: "Show this list" },
];

const SIMPLE: Record<string, TKeyAction["type"]> = {
  "0": "bothBad", j: "next", k: "prev", x: "clear", s: "skip", d: "diff", w: "wrap", c: "comment", "?": "help", r: "rationale", i: "instructions",
};

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest(".monaco-editor")) return false; // the code is read-only: keys there are ours
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && !["button", "checkbox", "radio", "range", "submit"].includes((target as HTMLInputElement).type);
}

export function keyAction(e: KeyboardEvent, slots: string[]): TKeyAction | null {
  if (e.isComposing) return null;
  if ((e.ctrlKey || e.metaKey) && e.key === "Enter") return { type: "submit" };
  if (e.key === "Escape") return { type: "escape" };
  if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (/^[1-9]$/.test(e.key)) return { type: "digit", digit: Number(e.key) };
  const simple = SIMPLE[e.key];
  if (simple) return { type: simple } as TKeyAction;
  if ((e.key === "a" || e.key === "b") && slots.includes(e.key.toUpperCase())) return { type: "pane", slot: e.key.toUpperCase() };
  if (e.key === "p") return { type: "pane", slot: null };
  return null;
}

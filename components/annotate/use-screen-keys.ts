"use client";
import type { useEditorRegistry } from "@/components/code/use-editor-registry";
import { valueForDigit, type TField } from "./form-fields";
import type { TAssignment } from "./judgment-draft";
import type { TCommentTarget } from "./comment-composer";
import type { TViewPrefs } from "./workspace-toolbar";
import type { useJudgmentDraft } from "./use-judgment-draft";
import { useWorkspaceKeys } from "./use-workspace-keys";
import type { TKeyAction } from "./shortcuts";

type TScreen = {
  assignment: TAssignment;
  fields: TField[];
  activeFieldId: string | null;
  overlay: "help" | "skip" | null;
  composer: TCommentTarget | null;
  state: ReturnType<typeof useJudgmentDraft>;
  registry: ReturnType<typeof useEditorRegistry>;
  prefs: TViewPrefs;
  onPrefs: (prefs: TViewPrefs) => void;
  activate: (fieldId: string, opts?: { focus?: boolean }) => void;
  submit: () => void;
  startComment: () => void;
  cancelComment: () => void;
  setOverlay: (overlay: "help" | "skip" | null) => void;
  setHint: (hint: string | null) => void;
};

const isFieldFocused = () => document.activeElement?.id.startsWith("field-") ?? false;

// What each key does on the comparison screen (the key list itself is in shortcuts.ts).
export function useScreenKeys(s: TScreen) {
  const slots = s.assignment.responses.map((r) => r.slot);
  useWorkspaceKeys(slots, (action: TKeyAction) => {
    if (s.overlay) {
      if (action.type === "escape" || (action.type === "help" && s.overlay === "help")) s.setOverlay(null);
      return action.type !== "submit" || s.overlay === "help";
    }
    const index = s.fields.findIndex((f) => f.id === s.activeFieldId);
    const field = s.fields[index];
    const move = (delta: number) => {
      const next = s.fields[Math.max(0, Math.min(s.fields.length - 1, index + delta))];
      if (next) s.activate(next.id, { focus: true });
    };
    switch (action.type) {
      case "escape":
        if (s.composer) s.cancelComment();
        else if (s.activeFieldId) s.activate(s.activeFieldId, { focus: true });
        else (document.activeElement as HTMLElement | null)?.blur();
        return true;
      case "submit":
        if (s.composer) s.setHint("Save the comment with Enter, or Esc to drop it, before submitting.");
        else s.submit();
        return true;
      case "digit": {
        if (!field) return true;
        if (field.kind === "rank") {
          if (action.digit <= slots.length && field.position !== undefined) {
            s.state.moveRank(field.position, action.digit - 1);
            s.activate(`rank:${action.digit - 1}`, { focus: isFieldFocused() });
          }
          return true;
        }
        const value = valueForDigit(field, action.digit);
        if (value === null) return true;
        s.state.setField(field, value);
        const next = s.fields[index + 1];
        if (next && next.kind !== "rank") s.activate(next.id, { focus: isFieldFocused() });
        return true;
      }
      case "bothBad":
        if (s.assignment.mode !== "pairwise") return false;
        s.state.toggleBothBad();
        return true;
      case "next":
        move(1);
        return true;
      case "prev":
        move(-1);
        return true;
      case "clear":
        if (field && field.kind !== "rank") s.state.setField(field, null);
        return true;
      case "skip":
        s.setOverlay("skip");
        return true;
      case "help":
        s.setOverlay("help");
        return true;
      case "diff":
        if (s.assignment.mode !== "pairwise") return false;
        s.onPrefs({ ...s.prefs, isDiff: !s.prefs.isDiff });
        return true;
      case "wrap":
        s.onPrefs({ ...s.prefs, isWrapped: !s.prefs.isWrapped });
        return true;
      case "instructions":
        s.onPrefs({ ...s.prefs, isInstructionsOpen: !s.prefs.isInstructionsOpen });
        return true;
      case "comment":
        s.startComment();
        return true;
      case "rationale": {
        const box = document.getElementById("field-rationale");
        box?.focus();
        return Boolean(box);
      }
      case "pane": {
        const current = s.registry.currentSelection()?.slot;
        const slot = action.slot ?? slots[(slots.indexOf(current ?? slots[slots.length - 1]) + 1) % slots.length];
        if (!s.registry.focusSlot(slot)) s.setHint("The code viewer is still loading.");
        return true;
      }
    }
  });
}

"use client";
import { useEffect, useRef } from "react";
import { keyAction, type TKeyAction } from "./shortcuts";

// Listens on the window in the capture phase, so keys pressed in the read-only Monaco panes reach
// us first (and Monaco does not complain that the code cannot be edited).
export function useWorkspaceKeys(slots: string[], onAction: (action: TKeyAction, event: KeyboardEvent) => boolean) {
  const handler = useRef(onAction);
  handler.current = onAction;
  const slotList = slots.join(",");
  useEffect(() => {
    const slotArray = slotList.split(",");
    const listener = (event: KeyboardEvent) => {
      const action = keyAction(event, slotArray);
      if (!action) return;
      if (handler.current(action, event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("keydown", listener, { capture: true });
    return () => window.removeEventListener("keydown", listener, { capture: true });
  }, [slotList]);
}

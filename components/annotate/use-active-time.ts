"use client";
import { useEffect, useRef } from "react";

const FOCUSED_IDLE_MS = 180_000;
const UNFOCUSED_IDLE_MS = 30_000;

// Time on task counts only while the tab is visible and the annotator is plausibly there: the
// window has focus and there was input in the last few minutes (reading long code is quiet), or
// there was input very recently. A tab left open over lunch stops counting.
export function useActiveTime(initialSeconds: number): React.RefObject<number> {
  const seconds = useRef(initialSeconds);
  const lastInput = useRef(Date.now());
  useEffect(() => {
    const onInput = () => (lastInput.current = Date.now());
    const events = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "focus"] as const;
    for (const name of events) window.addEventListener(name, onInput, { capture: true, passive: true });
    const tick = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      const idle = Date.now() - lastInput.current;
      if ((document.hasFocus() && idle < FOCUSED_IDLE_MS) || idle < UNFOCUSED_IDLE_MS) seconds.current += 1;
    }, 1000);
    return () => {
      clearInterval(tick);
      for (const name of events) window.removeEventListener(name, onInput, { capture: true });
    };
  }, []);
  return seconds;
}

"use client";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

// Viewport size for the code panes' height and for choosing a side-by-side or inline diff.
export function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState({ width: 1280, height: 800 });
  useEffect(() => {
    const update = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return size;
}

const LINE_PX = 19;

// Tall enough for the longest response, never taller than most of the screen.
export function paneHeight(contents: string[], viewportHeight: number, share = 0.64): number {
  const lines = Math.max(...contents.map((c) => c.split("\n").length));
  return Math.round(Math.max(200, Math.min(lines * LINE_PX + 24, viewportHeight * share)));
}

// On wide screens the workspace fills the window below the app header, whatever its height, so
// the code and the form scroll on their own and the submit bar stays in view.
export function useFillViewport<T extends HTMLElement>(): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => element.style.setProperty("--workspace-top", `${Math.round(element.getBoundingClientRect().top + window.scrollY)}px`);
    update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return ref;
}

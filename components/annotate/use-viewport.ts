"use client";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

const readViewport = () => (typeof window === "undefined" ? { width: 1280, height: 800 } : { width: window.innerWidth, height: window.innerHeight });

// Viewport size for the code panes' height and for choosing a side-by-side or inline diff. Read
// at once (the panes render in the browser only): every new assignment would otherwise render
// twice and size its editors twice.
export function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState(readViewport);
  useEffect(() => {
    const update = () => setSize((old) => {
      const next = readViewport();
      return next.width === old.width && next.height === old.height ? old : next;
    });
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

let knownTop: string | null = null;

// On wide screens the workspace fills the window below the app header, whatever its height, so
// the code and the form scroll on their own and the submit bar stays in view. The header does not
// change between assignments: its height is measured once (a measurement forces a layout of the
// whole new screen) and again on resize.
export function useFillViewport<T extends HTMLElement>(): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      knownTop = `${Math.round(element.getBoundingClientRect().top + window.scrollY)}px`;
      element.style.setProperty("--workspace-top", knownTop);
    };
    if (knownTop) element.style.setProperty("--workspace-top", knownTop);
    else update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return ref;
}

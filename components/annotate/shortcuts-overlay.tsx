"use client";
import { Kbd } from "./kbd";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsOverlay({ mode, onClose }: { mode: "pairwise" | "rating" | "ranking"; onClose: () => void }) {
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-overlay" className="max-h-[90vh] w-full max-w-xl overflow-y-auto rounded-lg bg-white p-5 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <div className="mb-3 flex items-center">
          <h2 id="shortcuts-title" className="text-base font-semibold">Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} className="ml-auto rounded px-2 text-sm text-slate-500 hover:bg-slate-100" aria-label="Close">Esc</button>
        </div>
        <p className="mb-3 text-xs text-slate-500">One field is active at a time (outlined). Digits set it; the active field moves on by itself after a digit.</p>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.filter((s) => !s.modes || s.modes.includes(mode)).map((s) => (
              <tr key={s.label} className="border-t border-slate-100">
                <td className="whitespace-nowrap py-1.5 pr-4">
                  {s.keys.map((k) => (k === "…" ? <span key={k} className="px-0.5 text-slate-400">…</span> : <Kbd key={k} className="mr-1">{k}</Kbd>))}
                </td>
                <td className="py-1.5 text-slate-700">{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

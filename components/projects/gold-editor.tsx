"use client";
import { useState, useTransition } from "react";
import { setItemGoldAction } from "@/app/(train)/train/[projectId]/actions";
import type { TGold } from "@/lib/items/schemas";

const PREFERENCES = [
  { value: -3, label: "−3 · first much better" },
  { value: -2, label: "−2 · first better" },
  { value: -1, label: "−1 · first slightly better" },
  { value: 0, label: "0 · tie" },
  { value: 1, label: "+1 · second slightly better" },
  { value: 2, label: "+2 · second better" },
  { value: 3, label: "+3 · second much better" },
];

const select = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-xs font-normal";

export function GoldEditor({ projectId, itemId, responses, gold }: { projectId: string; itemId: string; responses: Array<{ id: string; model: string }>; gold: TGold | null }) {
  const [first, setFirst] = useState(gold?.responses[0] ?? responses[0]?.id ?? "");
  const [second, setSecond] = useState(gold?.responses[1] ?? responses[1]?.id ?? "");
  const [preference, setPreference] = useState(gold?.preference ?? -1);
  const [message, setMessage] = useState<{ error: string | null; ok: string | null } | null>(null);
  const [isPending, startTransition] = useTransition();
  const submit = (next: TGold | null) =>
    startTransition(async () => {
      setMessage(await setItemGoldAction(projectId, { itemId, gold: next }));
    });
  const options = responses.map((r) => <option key={r.id} value={r.id}>{r.id} · {r.model}</option>);
  return (
    <details className="text-xs" data-testid={`gold-editor-${itemId}`}>
      <summary className="cursor-pointer select-none font-medium text-blue-700 hover:underline">{gold ? "Edit gold" : "Set gold"}</summary>
      <div className="mt-2 w-64 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-sm">
        <label className="block font-medium text-slate-600">First response<select value={first} onChange={(e) => setFirst(e.target.value)} className={select} aria-label="First response">{options}</select></label>
        <label className="block font-medium text-slate-600">Second response<select value={second} onChange={(e) => setSecond(e.target.value)} className={select} aria-label="Second response">{options}</select></label>
        <label className="block font-medium text-slate-600">
          Expected preference
          <select value={preference} onChange={(e) => setPreference(Number(e.target.value))} className={select} aria-label="Expected preference">
            {PREFERENCES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </label>
        <div className="flex gap-2 pt-1">
          <button type="button" disabled={isPending || first === second} onClick={() => submit({ preference, responses: [first, second] })} className="rounded-md bg-slate-900 px-2.5 py-1 font-medium text-white disabled:opacity-40">
            Save gold
          </button>
          {gold && (
            <button type="button" disabled={isPending} onClick={() => submit(null)} className="rounded-md border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-50 disabled:opacity-40">
              Clear
            </button>
          )}
        </div>
        {first === second && <p className="text-amber-700">Choose two different responses.</p>}
        {message?.error && <p role="alert" className="text-red-700">{message.error}</p>}
        {message?.ok && <p role="status" className="text-green-700">{message.ok}</p>}
      </div>
    </details>
  );
}

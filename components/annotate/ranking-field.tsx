"use client";
import { useState } from "react";
import { Kbd } from "./kbd";
import { SlotBadge, slotStyle } from "./slot-style";

export function moveItem(list: string[], from: number, to: number): string[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}

// Best first. Reorder by dragging, or focus a card (j/k) and press Alt+↑/↓ or the digit of its new place.
export function RankingField(props: {
  ranking: string[];
  activePosition: number | null;
  onActivate: (position: number) => void;
  onMove: (from: number, to: number) => void;
}) {
  const { ranking, activePosition, onActivate, onMove } = props;
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  return (
    <div className="px-3 py-2">
      <div className="mb-1.5 flex items-baseline gap-2">
        <span className="text-sm font-semibold text-slate-800">Ranking</span>
        <span className="text-xs text-slate-500">best first</span>
        {activePosition !== null && (
          <span className="ml-auto text-[11px] text-slate-500">
            <Kbd>Alt+↑</Kbd> <Kbd>Alt+↓</Kbd> or <Kbd>1</Kbd>–<Kbd>{ranking.length}</Kbd>
          </span>
        )}
      </div>
      <ol className="space-y-1.5" data-testid="ranking">
        {ranking.map((slot, position) => (
          <li
            key={slot}
            id={`field-rank:${position}`}
            data-testid={`rank-card-${slot}`}
            data-active={activePosition === position || undefined}
            tabIndex={0}
            draggable
            aria-label={`Rank ${position + 1}: response ${slot}`}
            onFocus={() => onActivate(position)}
            onKeyDown={(e) => {
              if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
              e.preventDefault();
              const to = e.key === "ArrowUp" ? position - 1 : position + 1;
              if (to >= 0 && to < ranking.length) onMove(position, to);
            }}
            onDragStart={(e) => {
              setDragFrom(position);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", slot);
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setDropAt(position);
            }}
            onDragEnd={() => {
              setDragFrom(null);
              setDropAt(null);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragFrom !== null && dragFrom !== position) onMove(dragFrom, position);
              setDragFrom(null);
              setDropAt(null);
            }}
            className={`flex cursor-grab items-center gap-3 rounded-md border bg-white px-3 py-2 text-sm outline-none active:cursor-grabbing ${
              activePosition === position ? `ring-2 ${slotStyle(slot).ring} border-transparent` : slotStyle(slot).border
            } ${dropAt === position && dragFrom !== position ? "border-dashed bg-slate-50" : ""} ${dragFrom === position ? "opacity-40" : ""}`}
          >
            <span className="w-5 text-right font-semibold tabular-nums text-slate-500">{position + 1}.</span>
            <SlotBadge slot={slot} />
            <span className="font-medium">Response {slot}</span>
            <span className="ml-auto flex gap-1">
              <button type="button" tabIndex={-1} aria-label={`Move ${slot} up`} disabled={position === 0} onClick={() => onMove(position, position - 1)} className="rounded px-1.5 text-slate-500 hover:bg-slate-100 disabled:opacity-30">↑</button>
              <button type="button" tabIndex={-1} aria-label={`Move ${slot} down`} disabled={position === ranking.length - 1} onClick={() => onMove(position, position + 1)} className="rounded px-1.5 text-slate-500 hover:bg-slate-100 disabled:opacity-30">↓</button>
              <span aria-hidden className="select-none pl-1 text-slate-400">⋮⋮</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

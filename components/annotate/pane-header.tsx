import { SlotBadge, slotStyle } from "./slot-style";

export function PaneHeader({ slot, content, note }: { slot: string; content: string; note?: string }) {
  const lines = content.split("\n").length;
  return (
    <div className={`flex items-center gap-2 border-b px-3 py-1.5 text-xs ${slotStyle(slot).soft} ${slotStyle(slot).border}`}>
      <SlotBadge slot={slot} />
      <span className="font-semibold">Response {slot}</span>
      {note && <span className="text-slate-500">{note}</span>}
      <span className="ml-auto tabular-nums text-slate-500">{lines} lines</span>
    </div>
  );
}

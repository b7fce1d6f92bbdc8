// One colour per slot, used everywhere the slot appears (pane header, scale ends, ranking cards).
// Blue and orange stay distinguishable with the common colour-vision deficiencies.
const STYLES = [
  { badge: "bg-blue-600 text-white", border: "border-blue-300", soft: "bg-blue-50 text-blue-900", ring: "ring-blue-500" },
  { badge: "bg-orange-600 text-white", border: "border-orange-300", soft: "bg-orange-50 text-orange-900", ring: "ring-orange-500" },
  { badge: "bg-teal-600 text-white", border: "border-teal-300", soft: "bg-teal-50 text-teal-900", ring: "ring-teal-500" },
  { badge: "bg-rose-600 text-white", border: "border-rose-300", soft: "bg-rose-50 text-rose-900", ring: "ring-rose-500" },
  { badge: "bg-violet-600 text-white", border: "border-violet-300", soft: "bg-violet-50 text-violet-900", ring: "ring-violet-500" },
  { badge: "bg-lime-700 text-white", border: "border-lime-300", soft: "bg-lime-50 text-lime-900", ring: "ring-lime-500" },
];

export function slotStyle(slot: string) {
  return STYLES[(slot.charCodeAt(0) - 65) % STYLES.length];
}

export function SlotBadge({ slot, className = "" }: { slot: string; className?: string }) {
  return (
    <span className={`inline-flex h-5 min-w-5 items-center justify-center rounded px-1 text-xs font-bold ${slotStyle(slot).badge} ${className}`}>{slot}</span>
  );
}

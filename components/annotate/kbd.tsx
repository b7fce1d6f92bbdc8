const TONES = {
  light: "border-slate-300 bg-slate-50 text-slate-600 shadow-[0_1px_0_rgba(15,23,42,0.15)]",
  dark: "border-slate-500 bg-slate-700 text-slate-100",
};

export function Kbd({ children, tone = "light", className = "" }: { children: React.ReactNode; tone?: keyof typeof TONES; className?: string }) {
  return (
    <kbd className={`inline-flex min-w-[1.25rem] items-center justify-center rounded border px-1 font-mono text-[10px] font-medium leading-4 ${TONES[tone]} ${className}`}>
      {children}
    </kbd>
  );
}

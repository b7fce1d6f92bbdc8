"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "", label: "Items" },
  { segment: "import", label: "Import" },
  { segment: "rubric", label: "Rubric" },
  { segment: "settings", label: "Settings" },
  { segment: "members", label: "Members" },
];

export function ProjectTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/train/${projectId}`;
  return (
    <nav className="mt-5 -mb-px flex gap-1 overflow-x-auto text-sm" aria-label="Project sections">
      {TABS.map((tab) => {
        const href = tab.segment ? `${base}/${tab.segment}` : base;
        const isActive = pathname === href;
        return (
          <Link
            key={tab.label}
            href={href}
            aria-current={isActive ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 font-medium ${isActive ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

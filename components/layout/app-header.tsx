import Link from "next/link";
import type { TCaller } from "@/lib/auth/caller";
import { SignOutButton } from "@/components/auth/sign-out-button";

const LINKS: Array<{ href: string; label: string; roles: TCaller["role"][] }> = [
  { href: "/annotate", label: "Annotate", roles: ["ANNOTATOR", "ADMIN"] },
  { href: "/train", label: "Train", roles: ["TRAINER", "ADMIN"] },
  { href: "/admin", label: "Admin", roles: ["ADMIN"] },
  { href: "/settings/tokens", label: "API tokens", roles: ["ADMIN", "TRAINER", "ANNOTATOR"] },
];

export function AppHeader({ user }: { user: TCaller }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-5 gap-y-1 px-4 py-2 text-sm">
        <Link href="/" className="font-semibold tracking-tight">CodeJudge</Link>
        {LINKS.filter((l) => l.roles.includes(user.role)).map((l) => (
          <Link key={l.href} href={l.href} className="text-slate-600 hover:text-slate-900">{l.label}</Link>
        ))}
        <span className="ml-auto text-slate-500" data-testid="whoami">{user.email} · {user.role.toLowerCase()}</span>
        <SignOutButton />
      </nav>
    </header>
  );
}

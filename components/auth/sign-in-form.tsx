"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many attempts. Wait a few minutes and try again.",
};

export function SignInForm({ callbackUrl, initialError, providers }: { callbackUrl: string; initialError: string | null; providers: { id: string; name: string }[] }) {
  const [error, setError] = useState<string | null>(initialError ? MESSAGES[initialError] ?? "Sign-in failed." : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? "Sign-in failed.");
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <>
      <form onSubmit={onSubmit} className="mt-6 space-y-4">
        <label className="block text-sm">
          <span className="font-medium">Email</span>
          <input name="email" type="email" required autoComplete="username" autoFocus className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        </label>
        <label className="block text-sm">
          <span className="font-medium">Password</span>
          <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        </label>
        {error && <p role="alert" data-testid="signin-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        <button type="submit" disabled={pending} className="w-full rounded bg-slate-900 px-3 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {providers.map((p) => (
        <button key={p.id} type="button" onClick={() => signIn(p.id, { callbackUrl })} className="mt-3 w-full rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">
          Continue with {p.name}
        </button>
      ))}
    </>
  );
}

import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { ROLE_HOME } from "@/lib/auth/caller";
import { configuredOAuthProviders } from "@/lib/auth/auth-options";
import { SignInForm } from "@/components/auth/sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const user = await getSessionUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { callbackUrl, error } = await searchParams;
  const safeCallback = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to CodeJudge</h1>
        <p className="mt-1 text-sm text-slate-600">Expert judgments of model-written code.</p>
        <SignInForm callbackUrl={safeCallback} initialError={error ?? null} providers={configuredOAuthProviders()} />
      </div>
    </main>
  );
}

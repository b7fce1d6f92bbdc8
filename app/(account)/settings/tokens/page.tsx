import { requirePageRole } from "@/lib/auth/require-page-role";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";

const fmt = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "—");

export default async function TokensPage() {
  const user = await requirePageRole(["ADMIN", "TRAINER", "ANNOTATOR"], "/settings/tokens");
  const tokens = await listApiTokens({ userId: user.id });
  return (
    <main className="mx-auto max-w-4xl p-6" data-testid="tokens-page">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="mt-1 text-sm text-slate-600">A token acts as you, with your role. Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Only its hash is stored.</p>
      <CreateTokenForm />
      <table className="mt-6 w-full border-collapse bg-white text-sm">
        <thead><tr className="border-b text-left text-slate-600"><th className="p-2">Label</th><th className="p-2">Prefix</th><th className="p-2">Created</th><th className="p-2">Last used</th><th className="p-2">State</th><th className="p-2" /></tr></thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-b" data-testid="token-row">
              <td className="p-2">{t.label || "—"}</td>
              <td className="p-2 font-mono">{t.prefix}…</td>
              <td className="p-2">{fmt(t.createdAt)}</td>
              <td className="p-2">{fmt(t.lastUsedAt)}</td>
              <td className="p-2">{t.revokedAt ? "revoked" : "active"}</td>
              <td className="p-2 text-right">
                {!t.revokedAt && (
                  <form action={revokeTokenAction}>
                    <input type="hidden" name="tokenId" value={t.id} />
                    <button className="rounded border border-red-300 px-2 py-0.5 text-red-700 hover:bg-red-50">Revoke</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

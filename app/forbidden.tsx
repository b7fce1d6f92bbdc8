import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">403 — not allowed</h1>
      <p className="mt-3 text-slate-600">Your role cannot open this page.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">Back to your home page</Link>
    </main>
  );
}

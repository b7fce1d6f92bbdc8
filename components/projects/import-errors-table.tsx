import type { TLineError } from "./use-ndjson-upload";

export function ImportErrorsTable({ errors, testId }: { errors: TLineError[]; testId: string }) {
  if (!errors.length) return null;
  return (
    <div className="mt-3 max-h-80 overflow-auto rounded-md border border-red-200">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="sticky top-0 bg-red-50 text-xs uppercase tracking-wide text-red-800">
          <tr>
            <th scope="col" className="w-24 px-3 py-2">Line</th>
            <th scope="col" className="px-3 py-2">Problem</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-red-100 bg-white">
          {errors.map((e, i) => (
            <tr key={`${e.line ?? "-"}-${i}`} data-testid="import-error-row">
              <td className="px-3 py-1.5 font-mono tabular-nums">{e.line ? e.line : "—"}</td>
              <td className="px-3 py-1.5 break-words">{[e.path || e.field, e.message].filter(Boolean).join(": ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

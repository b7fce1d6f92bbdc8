import { NdjsonUpload } from "./ndjson-upload";

const ITEM_EXAMPLE = {
  id: "two-sum-7",
  prompt: "Write `two_sum(nums, target)` returning the indices of the two numbers that add up to target.",
  language: "python",
  responses: [
    { id: "r1", model: "model-x", content: "def two_sum(nums, target):\n    seen = {}\n    ..." },
    { id: "r2", model: "model-y", content: "def two_sum(nums, target):\n    for i in range(len(nums)):\n    ..." },
  ],
  metadata: { source: "leetcode" },
  gold: { preference: -2, responses: ["r1", "r2"] },
};
const SCORE_EXAMPLE = { item: "two-sum-7", response: "r1", scores: { reward_model: 0.82 }, tests: { passed: 9, total: 10 } };

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Example({ value }: { value: unknown }) {
  return <pre className="mt-2 whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">{JSON.stringify(value)}</pre>;
}

export function ImportPanel({ projectId, mode, maxBytes }: { projectId: string; mode: string; maxBytes: number }) {
  const minResponses = mode === "rating" ? 1 : 2;
  const itemExample = mode === "pairwise" ? ITEM_EXAMPLE : { ...ITEM_EXAMPLE, gold: undefined };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Items">
        <p className="mt-1 text-sm text-slate-600">
          One JSON object per line (NDJSON, up to {Math.round(maxBytes / 1048576)} MB). A {mode} project needs at least {minResponses} response
          {minResponses > 1 ? "s" : ""} per item. Posting an id that already exists updates that item. Any bad line rejects the whole file and nothing is written.
        </p>
        <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Example line</h3>
        <Example value={itemExample} />
        <div className="mt-4">
          <NdjsonUpload endpoint={`/api/v1/projects/${projectId}/items`} name="items" maxBytes={maxBytes} />
        </div>
        <details className="mt-4 text-xs text-slate-600">
          <summary className="cursor-pointer">From a script</summary>
          <pre className="mt-2 whitespace-pre-wrap break-all rounded-md bg-slate-100 p-3 font-mono text-slate-800">
            {`curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" \\\n  --data-binary @items.ndjson <origin>/api/v1/projects/${projectId}/items`}
          </pre>
        </details>
      </Card>
      <Card title="Model scores and test results">
        <p className="mt-1 text-sm text-slate-600">
          Attach reward-model scores or unit-test results to responses already imported. Scores merge with what a response has, so several score files can be uploaded in turn.
          Trainers see them on the Items tab; annotators never do.
        </p>
        <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Example line</h3>
        <Example value={SCORE_EXAMPLE} />
        <div className="mt-4">
          <NdjsonUpload endpoint={`/api/v1/projects/${projectId}/scores`} name="scores" maxBytes={maxBytes} />
        </div>
      </Card>
    </div>
  );
}

import type { TQueue } from "@/lib/ranking/schemas";

// What the sampler would serve next (before the per-rater filter and the random draw) and why.
export function QueueTable({ queue }: { queue: TQueue }) {
  const { policy } = queue;
  return (
    <div data-testid="queue">
      <p className="mb-2 text-xs text-slate-500">
        Sampling <b>{queue.sampling}</b>
        {queue.sampling === "active"
          ? `: gold ${(policy.goldRate * 100).toFixed(0)} %, overlap reserve ${(policy.reserveShare * 100).toFixed(0)} %, exploration ε = ${policy.epsilon}; otherwise a softmax (T = ${policy.temperature} relative) over the top ${policy.candidates} open pairs below.`
          : ": pairs are drawn uniformly; the priorities below are not used."}
      </p>
      {queue.units.length === 0 ? (
        <p className="text-sm text-slate-500">No open pairs.</p>
      ) : (
        <table className="w-full text-xs">
          <thead className="text-left uppercase text-slate-500">
            <tr><th className="py-1 pr-2">priority</th><th className="pr-2">prompt</th><th className="pr-2">pair</th><th className="pr-2">why</th></tr>
          </thead>
          <tbody>
            {queue.units.map((u) => (
              <tr key={u.unitId} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-2 tabular-nums">{u.priority.toFixed(4)}</td>
                <td className="pr-2">{u.item}</td>
                <td className="pr-2 font-mono">{u.responses[0]} vs {u.responses[1]}</td>
                <td className="pr-2 text-slate-600">{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

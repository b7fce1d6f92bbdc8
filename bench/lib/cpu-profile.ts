import fs from "node:fs";
import inspector from "node:inspector/promises";

type TProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

/**
 * A V8 CPU profile of this process between start and stop (what `node --cpu-prof` writes, but
 * only around the part of a bench that matters), saved to `file` for Chrome DevTools or
 * speedscope, with its functions by self time as a table (tsx maps every module to line 1, so
 * the table names functions, not lines).
 */
export async function startCpuProfile(opts: { file: string; samplingMicros?: number }): Promise<() => Promise<string>> {
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: opts.samplingMicros ?? 200 });
  await session.post("Profiler.start");
  return async () => {
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: TProfile };
    session.disconnect();
    fs.writeFileSync(opts.file, JSON.stringify(profile));
    return summarizeBySelfTime(profile);
  };
}

function summarizeBySelfTime(profile: TProfile, rows = 30): string {
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<string, number>();
  let totalMicros = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url } = nodeById.get(id)?.callFrame ?? { functionName: "?", url: "" };
    const name = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}`.trim();
    selfMicros.set(name, (selfMicros.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    totalMicros += profile.timeDeltas[i] ?? 0;
  });
  const top = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, rows);
  return [`self ms  function (of ${Math.round(totalMicros / 1000)} ms sampled)`, ...top.map(([name, us]) => `${(us / 1000).toFixed(0).padStart(7)}  ${name}`)].join("\n");
}

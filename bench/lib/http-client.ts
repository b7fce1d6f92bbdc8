import http from "node:http";

// Plain node:http with keep-alive: the lightest client available, since it shares the 2 cores
// with the server and Postgres.
const agent = new http.Agent({ keepAlive: true, maxSockets: 2048, keepAliveMsecs: 10_000 });

export type THttpResult = { status: number; body: string };

export function request(opts: { url: string; method: "GET" | "POST"; token: string; body?: string; timeoutMs?: number }): Promise<THttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.token}` };
    if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(opts.body));
    }
    const req = http.request(opts.url, { method: opts.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export function closeConnections() {
  agent.destroy();
}

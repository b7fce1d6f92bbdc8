import http from "node:http";
import type { AddressInfo } from "node:net";
import type { NextApiRequest, NextApiResponse } from "next";

type TPagesHandler = (req: NextApiRequest, res: NextApiResponse) => Promise<void>;

// Calls a Pages Router API handler over real HTTP: a throwaway server fills in `req.query` the way
// Next's router does (the search params plus the dynamic segments in `params`).
export async function callPagesRoute(handler: TPagesHandler, request: Request, params: Record<string, string>): Promise<Response> {
  const server = http.createServer((req, res) => {
    const query = { ...Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams), ...params };
    Object.assign(req, { query });
    void handler(req as NextApiRequest, res as NextApiResponse);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const url = new URL(request.url);
    const body = request.body ? await request.arrayBuffer() : undefined;
    const response = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body });
    const bytes = await response.arrayBuffer();
    return new Response(response.status === 204 ? null : bytes, { status: response.status, headers: response.headers });
  } finally {
    server.close();
  }
}

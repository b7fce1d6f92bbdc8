// One production server process; `npm start` (scripts/start.mjs) runs one per core. It is Next's
// own request handler for everything, except that the Pages Router API routes (the annotation
// loop) are called directly (lib/server/pages-api-dispatch.mjs), skipping Next's router, which
// cost a third of the loop's server CPU. PAGES_API_DISPATCH=next turns the shortcut off.
// Arguments as `next start`: -p/--port, -H/--hostname (also $PORT, $HOSTNAME).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.NODE_ENV ??= "production";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(long, short, fallback) {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === long || a === short);
  if (at >= 0 && args[at + 1]) return args[at + 1];
  const inline = args.find((a) => a.startsWith(`${long}=`));
  return inline ? inline.slice(long.length + 1) : fallback;
}
const port = Number(option("--port", "-p", process.env.PORT ?? "3000"));
const hostname = option("--hostname", "-H", process.env.HOSTNAME ?? "0.0.0.0");

const { default: next } = await import("next");
const { readDispatchTable, createPagesApiDispatcher } = await import("../lib/server/pages-api-dispatch.mjs");

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

let dispatch = () => false;
if (process.env.PAGES_API_DISPATCH !== "next") {
  const distDir = path.resolve(root, process.env.NEXT_DIST_DIR ?? ".next"); // as next.config.ts sets distDir
  const table = readDispatchTable(distDir, path.join(root, "public"));
  if (table.reason) console.warn(`[server] Pages API routes go through Next's router: ${table.reason}`);
  else dispatch = createPagesApiDispatcher(table, distDir);
}

const server = http.createServer((req, res) => {
  if (dispatch(req, res)) return;
  handle(req, res).catch((error) => {
    console.error("[server] request failed:", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => console.log(`[server] ready on http://${hostname}:${port} (pid ${process.pid})`));

let isClosing = false;
const close = () => {
  if (isClosing) return;
  isClosing = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 8_000).unref();
};
process.on("SIGTERM", close);
process.on("SIGINT", close);

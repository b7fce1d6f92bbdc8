import fs from "node:fs/promises";
import type { TCompletedExport } from "./run-export";

const CHUNK_BYTES = 1 << 20;

/**
 * The download of a finished export. Its size and sha256 go out before the body (X-Export-Bytes,
 * X-Export-Sha256, RFC 9530 Repr-Digest), so any client can tell a cut-off transfer from the
 * whole file. (Next.js drops Content-Length from route handler responses and sends them chunked;
 * a chunked transfer cut short also lacks its final chunk, which HTTP clients report as an error.)
 * The file is read one chunk per pull (no read-ahead) and deleted once sent or abandoned.
 */
export function serveExportFile(done: TCompletedExport): Response {
  let handle: fs.FileHandle | null = null;
  const cleanUp = async () => {
    const open = handle;
    handle = null;
    await open?.close().catch(() => {});
    await fs.rm(done.filePath, { force: true });
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async start() {
        handle = await fs.open(done.filePath, "r");
      },
      async pull(controller) {
        try {
          if (!handle) return controller.close();
          const buffer = new Uint8Array(CHUNK_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
          if (bytesRead === 0) {
            await cleanUp();
            controller.close();
          } else controller.enqueue(buffer.subarray(0, bytesRead));
        } catch (error) {
          await cleanUp();
          controller.error(error);
        }
      },
      async cancel() {
        await cleanUp();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": done.contentType,
      "Content-Length": String(done.bytes),
      "X-Export-Bytes": String(done.bytes),
      "Content-Disposition": `attachment; filename="${done.fileName}"`,
      "Cache-Control": "no-store",
      "X-Export-Id": done.id,
      "X-Export-Sha256": done.sha256,
      "Repr-Digest": `sha-256=:${Buffer.from(done.sha256, "hex").toString("base64")}:`,
    },
  });
}

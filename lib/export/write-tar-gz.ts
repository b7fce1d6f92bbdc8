import { Readable, pipeline } from "node:stream";
import { createGzip } from "node:zlib";
import type { TArchiveEntry } from "./archive-entry";

const BLOCK = 512;
const RECORD = 20 * BLOCK;
const MAX_SIZE = 8 ** 11 - 1;
const GZIP_OS_BYTE = 9;
const GZIP_OS_UNIX = 3;

function writeField(header: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > length) throw new Error(`tar header field too long: ${text}`);
  header.set(bytes, offset);
}

const octal = (value: number, digits: number) => value.toString(8).padStart(digits, "0");

/** Splits a path into ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes) at a "/". */
function splitPath(path: string): [name: string, prefix: string] {
  const length = new TextEncoder().encode(path).length;
  if (length <= 100) return [path, ""];
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (new TextEncoder().encode(prefix).length <= 155 && new TextEncoder().encode(name).length <= 100) return [name, prefix];
  }
  throw new Error(`path too long for a tar header: ${path}`);
}

/** A ustar header with fixed owner, mode 0644 and mtime 0, so archives are reproducible. */
export function buildTarHeader({ path, size }: { path: string; size: number }): Uint8Array {
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_SIZE) throw new Error(`tar entry size out of range: ${path}`);
  const header = new Uint8Array(BLOCK);
  const [name, prefix] = splitPath(path);
  writeField(header, 0, 100, name);
  writeField(header, 100, 8, "0000644\0");
  writeField(header, 108, 8, "0000000\0");
  writeField(header, 116, 8, "0000000\0");
  writeField(header, 124, 12, octal(size, 11) + "\0");
  writeField(header, 136, 12, "00000000000\0");
  writeField(header, 148, 8, "        ");
  writeField(header, 156, 1, "0");
  writeField(header, 257, 6, "ustar\0");
  writeField(header, 263, 2, "00");
  writeField(header, 345, 155, prefix);
  let sum = 0;
  for (const byte of header) sum += byte;
  writeField(header, 148, 8, octal(sum, 6) + "\0 ");
  return header;
}

/** The uncompressed tar stream: header, content, zero padding per entry; then end blocks padded to a 10 KiB record. */
export async function* writeTar({ entries }: { entries: TArchiveEntry[] }): AsyncGenerator<Uint8Array> {
  let written = 0;
  for (const entry of entries) {
    const header = buildTarHeader(entry);
    yield header;
    let size = 0;
    for await (const chunk of entry.chunks()) {
      size += chunk.length;
      if (size > entry.size) throw new Error(`tar entry ${entry.path} is longer than its declared size`);
      yield chunk;
    }
    if (size !== entry.size) throw new Error(`tar entry ${entry.path} is shorter than its declared size`);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (padding) yield new Uint8Array(padding);
    written += BLOCK + size + padding;
  }
  const end = 2 * BLOCK;
  yield new Uint8Array(end + ((RECORD - ((written + end) % RECORD)) % RECORD));
}

/**
 * A .tar.gz, streamed. gzip's header carries mtime 0 from zlib already; the OS byte is pinned to
 * Unix so the same entries give the same bytes on any platform running the same zlib.
 */
export async function* writeTarGz({ entries }: { entries: TArchiveEntry[] }): AsyncGenerator<Uint8Array> {
  const gzip = createGzip({ level: 6 });
  const stream = pipeline(Readable.from(writeTar({ entries })), gzip, () => {});
  let isFirst = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (isFirst && bytes.length > GZIP_OS_BYTE) {
      bytes[GZIP_OS_BYTE] = GZIP_OS_UNIX;
      isFirst = false;
    }
    yield bytes;
  }
}

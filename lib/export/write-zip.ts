import { Readable, pipeline } from "node:stream";
import { createDeflateRaw } from "node:zlib";
import type { TArchiveEntry } from "./archive-entry";
import { computeCrc32 } from "./compute-crc32";

const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const VERSION = 20;
const VERSION_MADE_BY_UNIX = (3 << 8) | VERSION;
// 1980-01-01 00:00:00, the earliest DOS date: fixed so archives are reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;
const LIMIT = 0xffffffff;

type TCentralRecord = { name: Uint8Array; flags: number; method: number; crc: number; compressed: number; size: number; offset: number };

function bytesOf(length: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(length);
  fill(new DataView(bytes.buffer));
  return bytes;
}

function localHeader(r: Omit<TCentralRecord, "offset">): Uint8Array {
  const head = bytesOf(30, (v) => {
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, VERSION, true);
    v.setUint16(6, r.flags, true);
    v.setUint16(8, r.method, true);
    v.setUint16(10, DOS_TIME, true);
    v.setUint16(12, DOS_DATE, true);
    v.setUint32(14, r.crc, true);
    v.setUint32(18, r.compressed, true);
    v.setUint32(22, r.size, true);
    v.setUint16(26, r.name.length, true);
  });
  return concat(head, r.name);
}

function centralHeader(r: TCentralRecord): Uint8Array {
  const head = bytesOf(46, (v) => {
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, VERSION_MADE_BY_UNIX, true);
    v.setUint16(6, VERSION, true);
    v.setUint16(8, r.flags, true);
    v.setUint16(10, r.method, true);
    v.setUint16(12, DOS_TIME, true);
    v.setUint16(14, DOS_DATE, true);
    v.setUint32(16, r.crc, true);
    v.setUint32(20, r.compressed, true);
    v.setUint32(24, r.size, true);
    v.setUint16(28, r.name.length, true);
    v.setUint32(38, UNIX_FILE_0644, true);
    v.setUint32(42, r.offset, true);
  });
  return concat(head, r.name);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function checkLimit(value: number, what: string): number {
  if (value > LIMIT) throw new Error(`zip ${what} exceeds 4 GiB (zip64 is not supported)`);
  return value;
}

/**
 * A zip archive, streamed. Stored entries are read twice (CRC first, so their local header is
 * complete); deflated entries are read once and followed by a data descriptor. Fixed DOS date,
 * mode 0644, UTF-8 names: the same entries give the same bytes.
 */
export async function* writeZip({ entries }: { entries: TArchiveEntry[] }): AsyncGenerator<Uint8Array> {
  const records: TCentralRecord[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.path);
    const start = checkLimit(offset, "offset");
    if (!entry.compress) {
      let crc = 0;
      let size = 0;
      for await (const chunk of entry.chunks()) {
        crc = computeCrc32(chunk, crc);
        size += chunk.length;
      }
      const record = { name, flags: FLAG_UTF8, method: METHOD_STORE, crc, compressed: checkLimit(size, "entry"), size, offset: start };
      const header = localHeader(record);
      yield header;
      let copied = 0;
      for await (const chunk of entry.chunks()) {
        copied += chunk.length;
        yield chunk;
      }
      if (copied !== size) throw new Error(`zip entry ${entry.path} changed between its two reads`);
      offset += header.length + size;
      records.push(record);
      continue;
    }
    const flags = FLAG_UTF8 | FLAG_DATA_DESCRIPTOR;
    const header = localHeader({ name, flags, method: METHOD_DEFLATE, crc: 0, compressed: 0, size: 0 });
    yield header;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    async function* tap(): AsyncGenerator<Uint8Array> {
      for await (const chunk of entry.chunks()) {
        crc = computeCrc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    }
    const deflated = pipeline(Readable.from(tap()), createDeflateRaw({ level: 6 }), () => {});
    for await (const chunk of deflated as AsyncIterable<Buffer>) {
      compressed += chunk.length;
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    const record = { name, flags, method: METHOD_DEFLATE, crc, compressed: checkLimit(compressed, "entry"), size: checkLimit(size, "entry"), offset: start };
    yield bytesOf(16, (v) => {
      v.setUint32(0, 0x08074b50, true);
      v.setUint32(4, crc, true);
      v.setUint32(8, record.compressed, true);
      v.setUint32(12, record.size, true);
    });
    offset += header.length + compressed + 16;
    records.push(record);
  }
  const centralStart = checkLimit(offset, "offset");
  let centralSize = 0;
  for (const record of records) {
    const central = centralHeader(record);
    centralSize += central.length;
    yield central;
  }
  if (records.length > 0xffff) throw new Error("zip has too many entries (zip64 is not supported)");
  yield bytesOf(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, records.length, true);
    v.setUint16(10, records.length, true);
    v.setUint32(12, centralSize, true);
    v.setUint32(16, centralStart, true);
  });
}

import { AppError } from "@/lib/errors/app-error";

export type TNdjsonLine = { line: number; value?: unknown; error?: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

function parseLine(bytes: Uint8Array, line: number): TNdjsonLine | null {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { line, error: "not valid UTF-8" };
  }
  if (text.trim() === "") return null;
  try {
    return { line, value: JSON.parse(text) };
  } catch {
    return { line, error: "not valid JSON" };
  }
}

// Streams an NDJSON body line by line, never holding it whole: bytes are split on \n before
// decoding, so a bad byte spoils one line and is reported with its number.
export async function* readNdjsonLines(body: ReadableStream<Uint8Array> | null, opts: { maxBytes: number; maxLineBytes: number }): AsyncGenerator<TNdjsonLine> {
  if (!body) throw new AppError("invalid_input", "Empty body: send NDJSON, one JSON object per line");
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  let lineNo = 0;
  let oversized = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) throw new AppError("payload_too_large", `Upload over ${Math.round(opts.maxBytes / 1048576)} MB`);
      let start = 0;
      for (let i = 0; i < value.byteLength; i++) {
        if (value[i] !== 10) continue;
        lineNo++;
        const piece = value.subarray(start, i);
        start = i + 1;
        if (oversized || pendingBytes + piece.byteLength > opts.maxLineBytes) {
          yield { line: lineNo, error: `line longer than ${opts.maxLineBytes} bytes` };
        } else {
          const parsed = parseLine(concat(pending, piece, pendingBytes), lineNo);
          if (parsed) yield parsed;
        }
        pending = [];
        pendingBytes = 0;
        oversized = false;
      }
      const rest = value.subarray(start);
      if (rest.byteLength) {
        if (pendingBytes + rest.byteLength > opts.maxLineBytes) {
          oversized = true;
          pending = [];
          pendingBytes = 0;
        } else {
          pending.push(rest.slice());
          pendingBytes += rest.byteLength;
        }
      }
    }
    if (oversized || pendingBytes) {
      lineNo++;
      if (oversized) yield { line: lineNo, error: `line longer than ${opts.maxLineBytes} bytes` };
      else {
        const parsed = parseLine(concat(pending, new Uint8Array(0), pendingBytes), lineNo);
        if (parsed) yield parsed;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function concat(parts: Uint8Array[], last: Uint8Array, partsBytes: number): Uint8Array {
  if (parts.length === 0) return last;
  const out = new Uint8Array(partsBytes + last.byteLength);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  out.set(last, offset);
  return out;
}

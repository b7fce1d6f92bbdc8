// Snappy block compression (the format Parquet's SNAPPY codec uses), after the reference
// implementation's compressFragment, with a sliding 64 KiB window over the whole page. hyparquet-writer ships one that writes a byte at a time through
// a growable writer; this one writes straight into a buffer sized for the worst case, which made it
// the difference between meeting and missing the export's time budget.

const MAX_OFFSET = 0xffff;
const MAX_TABLE_BITS = 14;
const INPUT_MARGIN = 15;
const table = new Int32Array(1 << MAX_TABLE_BITS);

function load32(a: Uint8Array, p: number): number {
  return a[p] | (a[p + 1] << 8) | (a[p + 2] << 16) | (a[p + 3] << 24);
}

function emitLiteral(out: Uint8Array, op: number, input: Uint8Array, from: number, length: number): number {
  const n = length - 1;
  if (n < 60) out[op++] = n << 2;
  else if (n < 0x100) {
    out[op++] = 60 << 2;
    out[op++] = n;
  } else if (n < 0x10000) {
    out[op++] = 61 << 2;
    out[op++] = n & 0xff;
    out[op++] = n >>> 8;
  } else if (n < 0x1000000) {
    out[op++] = 62 << 2;
    out[op++] = n & 0xff;
    out[op++] = (n >>> 8) & 0xff;
    out[op++] = n >>> 16;
  } else {
    out[op++] = 63 << 2;
    out[op++] = n & 0xff;
    out[op++] = (n >>> 8) & 0xff;
    out[op++] = (n >>> 16) & 0xff;
    out[op++] = n >>> 24;
  }
  if (length <= 16) for (let i = 0; i < length; i++) out[op + i] = input[from + i];
  else out.set(input.subarray(from, from + length), op);
  return op + length;
}

function emitCopyUpTo64(out: Uint8Array, op: number, offset: number, length: number): number {
  if (length < 12 && offset < 2048) {
    out[op++] = 1 | ((length - 4) << 2) | ((offset >>> 8) << 5);
    out[op++] = offset & 0xff;
  } else {
    out[op++] = 2 | ((length - 1) << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
  }
  return op;
}

function emitCopy(out: Uint8Array, op: number, offset: number, length: number): number {
  let rest = length;
  while (rest >= 68) {
    op = emitCopyUpTo64(out, op, offset, 64);
    rest -= 64;
  }
  if (rest > 64) {
    op = emitCopyUpTo64(out, op, offset, 60);
    rest -= 60;
  }
  return emitCopyUpTo64(out, op, offset, rest);
}

function compressInto(input: Uint8Array, out: Uint8Array, opStart: number): number {
  const end = input.length;
  let op = opStart;
  let bits = 8;
  while (bits < MAX_TABLE_BITS && 1 << bits < end) bits++;
  const shift = 32 - bits;
  table.fill(0, 0, 1 << bits);
  let nextEmit = 0;
  if (end >= INPUT_MARGIN) {
    const ipLimit = end - INPUT_MARGIN;
    let ip = 1;
    let nextHash = Math.imul(load32(input, ip), 0x1e35a7bd) >>> shift;
    outer: for (;;) {
      let skip = 32;
      let nextIp = ip;
      let candidate: number;
      do {
        ip = nextIp;
        const hash = nextHash;
        nextIp = ip + (skip++ >>> 5);
        if (nextIp > ipLimit) break outer;
        nextHash = Math.imul(load32(input, nextIp), 0x1e35a7bd) >>> shift;
        candidate = table[hash];
        table[hash] = ip;
      } while (ip - candidate > MAX_OFFSET || load32(input, ip) !== load32(input, candidate));
      op = emitLiteral(out, op, input, nextEmit, ip - nextEmit);
      do {
        const base = ip;
        let matched = 4;
        while (ip + matched < end && input[ip + matched] === input[candidate + matched]) matched++;
        ip += matched;
        op = emitCopy(out, op, base - candidate, matched);
        nextEmit = ip;
        if (ip >= ipLimit) break outer;
        table[Math.imul(load32(input, ip - 1), 0x1e35a7bd) >>> shift] = ip - 1;
        const hash = Math.imul(load32(input, ip), 0x1e35a7bd) >>> shift;
        candidate = table[hash];
        table[hash] = ip;
      } while (ip - candidate <= MAX_OFFSET && load32(input, ip) === load32(input, candidate));
      nextHash = Math.imul(load32(input, ++ip), 0x1e35a7bd) >>> shift;
    }
  }
  if (nextEmit < end) op = emitLiteral(out, op, input, nextEmit, end - nextEmit);
  return op;
}

/** Snappy-compresses one buffer (a Parquet page); deterministic for the same input. */
export function compressSnappy(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(32 + input.length + Math.ceil(input.length / 6));
  let op = 0;
  let n = input.length;
  for (; n >= 0x80; n >>>= 7) out[op++] = (n & 0x7f) | 0x80;
  out[op++] = n;
  return out.subarray(0, compressInto(input, out, op));
}

/**
 * A buffer of big-endian 32-bit integers (as Postgres's int4send and int8send write them) as an
 * Int32Array, byte-swapped in place by the native swap32; an int8 becomes two entries, high half
 * first. Reading a million judgments through Buffer.readInt32BE costs more than the whole swap.
 * The buffer is the caller's to give up: it is modified.
 */
export function readBigEndianWords(buffer: Buffer): Int32Array {
  if (buffer.length % 4 !== 0) throw new RangeError(`expected whole 32-bit words, got ${buffer.length} bytes`);
  // Int32Array views need an aligned offset; small buffers may sit unaligned in Node's pool
  const aligned = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(new Uint8Array(buffer));
  aligned.swap32();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

import { snappyUncompress } from "hyparquet";
import { describe, expect, it } from "vitest";
import { compressSnappy } from "./compress-snappy";

function roundTrip(input: Uint8Array): Uint8Array {
  const compressed = compressSnappy(input);
  const output = new Uint8Array(input.length);
  snappyUncompress(compressed, output);
  return output;
}

describe("compressSnappy", () => {
  it("round-trips text, random bytes and block edges through hyparquet's decoder", () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const code = new TextEncoder().encode("def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen: return [seen[target - n], i]\n        seen[n] = i\n".repeat(3000));
    for (const size of [0, 1, 4, 14, 15, 16, 17, 100, 65535, 65536, 65537, 200_000, code.length]) {
      const text = code.subarray(0, Math.min(size, code.length));
      const noise = Uint8Array.from({ length: size }, random);
      const zeros = new Uint8Array(size);
      for (const input of [text, noise, zeros]) expect(Buffer.from(roundTrip(input)).equals(Buffer.from(input)), `size ${size}`).toBe(true);
    }
    expect(compressSnappy(code).length).toBeLessThan(code.length / 5);
  });
});

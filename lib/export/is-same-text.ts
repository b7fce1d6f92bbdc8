/** The characters JavaScript's \s matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Length of the common prefix, by halving native slice comparisons instead of a char loop. */
function commonPrefixLength(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether two texts are equal after whitespace normalisation (runs of \s as one space, ends
 * trimmed): the same as comparing `t.replace(/\s+/g, " ").trim()`, without building either
 * string, and stopping at the first difference. It runs on every candidate pair of an export.
 */
export function isSameText(a: string, b: string): boolean {
  if (a === b) return true;
  // Skip the identical prefix, backing up to the start of a whitespace run it may end in.
  let i = commonPrefixLength(a, b);
  while (i > 0 && isSpace(a.charCodeAt(i - 1))) i--;
  let j = i;
  if (i === 0) {
    i = skipSpace(a, 0);
    j = skipSpace(b, 0);
  }
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const isSpaceA = isSpace(ca);
    if (isSpaceA !== isSpace(cb)) return false;
    if (isSpaceA) {
      i = skipSpace(a, i);
      j = skipSpace(b, j);
      continue;
    }
    if (ca !== cb) return false;
    i++;
    j++;
  }
  return skipSpace(a, i) === a.length && skipSpace(b, j) === b.length;
}

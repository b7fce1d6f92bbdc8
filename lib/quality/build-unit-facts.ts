import { createKeyTable, type TKeyTable } from "./key-table";
import { readBigEndianWords } from "./read-big-endian-words";

/**
 * What the report needs to know of each unit of the project, by unit key (hashtextextended of the
 * unit id): which response is longer and the gold answer. longer: 0 first longer, 1 same length,
 * 2 second longer, 3 unknown. gold: 1 + the expected winner's sign in the unit's orientation,
 * 3 for no usable gold answer, 4 for a gold unit whose items or responses could not be read
 * (every answer counts as wrong there, as it did when the facts were joined in SQL).
 */
export type TUnitFacts = { table: TKeyTable; longer: Uint8Array; gold: Uint8Array };

// 32-bit words per record of each buffer (see loadUnitFacts): a key is two
const RESPONSE_WORDS = 3;
const UNIT_WORDS = 7;
const GOLD_WORDS = 3;

// one loop a function, so V8 optimises each without falling back at the next (see numberUnitsByKey)
function addResponses(responses: Int32Array, table: TKeyTable, lengths: Int32Array): boolean {
  for (let at = 0; at < responses.length; at += RESPONSE_WORDS) {
    const slot = table.add(responses[at], responses[at + 1]);
    if (slot < 0) return false;
    lengths[slot] = responses[at + 2];
  }
  return true;
}

function addUnits(units: Int32Array, table: TKeyTable, responses: TKeyTable, lengths: Int32Array, longer: Uint8Array): boolean {
  for (let at = 0; at < units.length; at += UNIT_WORDS) {
    const slot = table.add(units[at], units[at + 1]);
    if (slot < 0) return false;
    const missing = units[at + 6];
    const a = missing & 1 ? -1 : responses.find(units[at + 2], units[at + 3]);
    const b = missing & 2 ? -1 : responses.find(units[at + 4], units[at + 5]);
    if (a >= 0 && b >= 0) longer[slot] = Math.sign(lengths[b] - lengths[a]) + 1;
  }
  return true;
}

/** The project's responses by key, with their lengths (see loadUnitFacts). */
export type TResponseLengths = { table: TKeyTable; lengths: Int32Array };

/** Indexes the responses' records by key; null when two responses share a key. */
export function indexResponseLengths(buffer: Buffer): TResponseLengths | null {
  const responses = readBigEndianWords(buffer);
  const table = createKeyTable(responses.length / RESPONSE_WORDS);
  const lengths = new Int32Array(table.hi.length);
  return addResponses(responses, table, lengths) ? { table, lengths } : null;
}

/**
 * Joins units to their responses' lengths and gold answers on keys. Null when two ids share a key
 * (two units, or two responses, of the project): the caller then takes the exact, slower path.
 * The responses may come indexed already (indexResponseLengths), so a loader can index them
 * while the units are still being read.
 */
export function buildUnitFacts(buffers: { responses: Buffer | TResponseLengths | null; units: Buffer; gold: Buffer }): TUnitFacts | null {
  const indexed = Buffer.isBuffer(buffers.responses) ? indexResponseLengths(buffers.responses) : buffers.responses;
  if (!indexed) return null;
  const { table: responseTable, lengths } = indexed;
  const units = readBigEndianWords(buffers.units);
  const gold = readBigEndianWords(buffers.gold);
  const table = createKeyTable(units.length / UNIT_WORDS);
  const longer = new Uint8Array(table.hi.length).fill(3);
  if (!addUnits(units, table, responseTable, lengths, longer)) return null;
  const goldCodes = new Uint8Array(table.hi.length).fill(3);
  for (let at = 0; at < gold.length; at += GOLD_WORDS) {
    const slot = table.find(gold[at], gold[at + 1]);
    if (slot >= 0) goldCodes[slot] = gold[at + 2];
  }
  return { table, longer, gold: goldCodes };
}

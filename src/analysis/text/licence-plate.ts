import type { Finding } from './finding.js';
import { DASH, NOT_PLATES_UPPER, NOT_PLATES_WORDS, PLATE_LETTERS, SPACE } from './spellings.js';

// Not after '#': a colour (#fdd49e) is hex, not a plate.
const PLATE = new RegExp(
  `(?<![\\p{L}\\p{N}#])([a-z]{3})(?:${SPACE}|${DASH})?(\\d{2})([\\da-z])(?![\\p{L}\\p{N}])`,
  'giu',
);

function isPlate(letters: string, last: string): boolean {
  const upper = letters.toUpperCase();
  if (![...upper].every((c) => PLATE_LETTERS.includes(c))) return false;
  if (/\D/.test(last) && (!PLATE_LETTERS.includes(last.toUpperCase()) || /o/i.test(last))) return false;
  if (NOT_PLATES_UPPER.has(upper)) return false;
  return letters === upper || !NOT_PLATES_WORDS.has(letters.toLowerCase());
}

/**
 * Swedish licence plates in any case: ABC 123, ABC12A, abc123, Abc-123. Not acronyms or currencies before a
 * number (SOS 112, SEK 100), and in lower or mixed case not a word before a number (med 200, Rum 123).
 * @example findLicencePlates('Bilen abc123 stod kvar') // [{ start: 6, end: 12, kind: 'registreringsnummer' }]
 */
export function findLicencePlates(text: string): Finding<'registreringsnummer'>[] {
  return [...text.matchAll(PLATE)]
    .filter((m) => isPlate(m[1]!, m[3]!))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'registreringsnummer' as const }));
}

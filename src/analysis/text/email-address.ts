import type { Finding } from './finding.js';
import { AT_WORDS, DOT_WORDS, SPACE } from './spellings.js';

const word = (words: readonly string[]) => `${SPACE}*[\\[(]${SPACE}*(?:${words.join('|')})${SPACE}*[\\])]${SPACE}*`;
const AT = `(?:@|${SPACE}+@${SPACE}+|${word(AT_WORDS)})`;
const DOT = `(?:\\.|${word(DOT_WORDS)})`;
const LABEL = '[\\p{L}\\p{N}-]+';
/** Starts only where a local part can start, so a long word without '@' is read once, not once per letter. */
const EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,}(?![\\p{L}\\p{N}])`,
  'giu',
);

/**
 * E-mail addresses, also written to escape robots: name [at] domain.se, name(at)domain(dot)se, name @ domain.se.
 * @example findEmailAddresses('skriv till anna [at] example.se') // [{ start: 11, end: 31, kind: 'e-post' }]
 */
export function findEmailAddresses(text: string): Finding<'e-post'>[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'e-post' as const,
  }));
}

import type { MarkKind } from '../../domain/release-review.js';
import { COMMON_WORDS_SV } from './common-words-sv.js';
import { redactPersonalData } from './redact.js';

/**
 * Spans of free text that may be personal data, for an officer to review before records are released. No
 * recogniser finds names reliably, so this one only *suggests*: capitalised name-like words outside the
 * organisation's own vocabulary (categories, places, areas, units), long numbers and street addresses. What
 * the personal-data recogniser (`redactPersonalData`) catches — identity numbers, e-mail, phone, licence
 * plates — is marked `automatic`.
 */
export interface CandidateSpan {
  start: number;
  /** Exclusive. */
  end: number;
  kind: Exclude<MarkKind, 'selection'>;
  automatic: boolean;
}

const COMMON = new Set(COMMON_WORDS_SV);
const KNOWN_KINDS = ['personnummer', 'samordningsnummer', 'e-post', 'telefon', 'registreringsnummer'] as const;

// Broad shapes that may hold what the recogniser knows; the recogniser decides.
const EMAILISH = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ \-+()]{0,2}\d)*/gu;
const PLATEISH = /(?<![\p{L}\p{N}])\p{Lu}{3}[\s-]?\d{2}[\d\p{Lu}](?![\p{L}\p{N}])/gu;
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d{6,}(?![\p{L}\p{N}])/gu;
const STREET =
  /(?<![\p{L}])[\p{L}][\p{L}-]*(?:gatan|gata|vägen|väg|gränd|gränden|torget|backe|backen|stigen|allén|allé|leden|kajen|stranden|strand|esplanaden|plan|slingan|platsen)\s+\d{1,4}(?:\s?[a-hA-H](?![\p{L}\p{N}]))?(?![\p{N}])/gu;
// Title-case words, hyphenated parts allowed (Anna-Karin, Lindqvist-Berg); runs of them are one name.
const NAME_WORD = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}])/gu;

/** The lower-case words of names (categories, places, areas, units) that are the organisation's own, not persons'. */
export function vocabularyOf(names: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const w of name.toLocaleLowerCase('sv').split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
  return words;
}

/** The kind the recogniser gives a piece of text, or null if it finds nothing in it. */
function recognised(piece: string): CandidateSpan['kind'] | null {
  const r = redactPersonalData(piece);
  if (r.count === 0) return null;
  const kind = Object.keys(r.kinds)[0];
  // A kind the recogniser learns later is still masked automatically, under the general name.
  return kind && (KNOWN_KINDS as readonly string[]).includes(kind) ? (kind as CandidateSpan['kind']) : 'personal_data';
}

/**
 * Where in `piece` the recogniser's single replacement lies: the text before and after the placeholder is
 * kept verbatim, so their lengths give the span. With more than one replacement the whole piece is the span.
 */
function recognisedSpan(piece: string): [number, number] {
  const out = redactPersonalData(piece).text;
  const placeholders = [...out.matchAll(/\[[\p{L}-]+\]/gu)];
  if (placeholders.length !== 1) return [0, piece.length];
  const p = placeholders[0]!;
  const before = p.index;
  const after = out.length - (p.index + p[0].length);
  return before + after < piece.length ? [before, piece.length - after] : [0, piece.length];
}

function isSentenceStart(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return (
    before === '' ||
    /[.!?:;\n•–-]$/.test(before) ||
    /\n\s*$/.test(text.slice(0, at)) ||
    /^\d+\.$/.test(before.split(/\s/).pop() ?? '')
  );
}

function ownWord(word: string, vocabulary: ReadonlySet<string>): boolean {
  const lower = word.toLocaleLowerCase('sv');
  const parts = lower.split('-');
  const known = (w: string) =>
    vocabulary.has(w) ||
    COMMON.has(w) ||
    (w.endsWith('s') && (vocabulary.has(w.slice(0, -1)) || COMMON.has(w.slice(0, -1))));
  return known(lower) || parts.every(known);
}

/**
 * The candidate spans of one text, sorted and never overlapping (an automatic match wins over an address,
 * an address over a number or a name).
 * @example findCandidates('Anna Svensson ringde 070-123 45 67 om klotter vid Storgatan 12.', new Set())
 *   // [{ start: 0, end: 13, kind: 'name' }, { start: 21, end: 34, kind: 'telefon', automatic: true },
 *   //  { start: 50, end: 62, kind: 'address' }]
 */
export function findCandidates(text: string, vocabulary: ReadonlySet<string>): CandidateSpan[] {
  const taken: CandidateSpan[] = [];
  const free = (start: number, end: number) => taken.every((s) => end <= s.start || start >= s.end);
  const take = (span: CandidateSpan) => {
    if (span.end > span.start && free(span.start, span.end)) taken.push(span);
  };

  for (const re of [EMAILISH, DIGIT_RUN, PLATEISH]) {
    for (const m of text.matchAll(re)) {
      const kind = recognised(m[0]);
      if (!kind) continue;
      const [s, e] = recognisedSpan(m[0]);
      take({ start: m.index + s, end: m.index + e, kind, automatic: true });
    }
  }
  for (const m of text.matchAll(STREET))
    take({ start: m.index, end: m.index + m[0].length, kind: 'address', automatic: false });
  for (const m of text.matchAll(LONG_NUMBER))
    take({ start: m.index, end: m.index + m[0].length, kind: 'number', automatic: false });

  let run: CandidateSpan | null = null;
  const flush = () => {
    if (run) take(run);
    run = null;
  };
  for (const m of text.matchAll(NAME_WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const name =
      !ownWord(m[0], vocabulary) && !(isSentenceStart(text, start) && COMMON.has(m[0].toLocaleLowerCase('sv')));
    if (!name || !free(start, end)) {
      flush();
      continue;
    }
    // Joined to the run before only across one space: "Anna Svensson" is one name, "Anna, Erik" two.
    if (run && text.slice(run.end, start) === ' ') run.end = end;
    else {
      flush();
      run = { start, end, kind: 'name', automatic: false };
    }
  }
  flush();
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * The text with each span replaced by its label, e.g. "[sekretess, 21 kap. 7 § OSL]". Spans must not overlap.
 * @example applyMasks('Ring Anna nu', [{ start: 5, end: 9, label: '[x]' }]) // 'Ring [x] nu'
 */
export function applyMasks(text: string, spans: ReadonlyArray<{ start: number; end: number; label: string }>): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, s.start) + s.label;
    at = s.end;
  }
  return out + text.slice(at);
}

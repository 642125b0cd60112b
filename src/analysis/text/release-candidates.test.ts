import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_WORDS_SV } from './common-words-sv.js';
import { applyMasks, findCandidates, vocabularyOf } from './release-candidates.js';
import { redactPersonalData } from './redact.js';

const spans = (text: string, vocabulary = new Set<string>()) =>
  findCandidates(text, vocabulary).map((s) => ({
    text: text.slice(s.start, s.end),
    kind: s.kind,
    automatic: s.automatic,
  }));

describe('candidate personal data in released text', () => {
  it('finds a name, a phone number and a street address (known answer, offsets included)', () => {
    const text = 'Anna Svensson ringde 070-123 45 67 om klotter vid Storgatan 12.';
    expect(findCandidates(text, new Set())).toEqual([
      { start: 0, end: 13, kind: 'name', automatic: false },
      { start: 21, end: 34, kind: 'telefon', automatic: true },
      { start: 50, end: 62, kind: 'address', automatic: false },
    ]);
  });

  it('leaves common sentence openers alone and marks what the recogniser knows as automatic', () => {
    expect(
      spans('Klotter vid entrén. Polisen kallades. Kontakta erik.s@example.se eller pnr 19811218-9876, bil ABC 123.'),
    ).toEqual([
      { text: 'erik.s@example.se', kind: 'e-post', automatic: true },
      { text: '19811218-9876', kind: 'personnummer', automatic: true },
      { text: 'ABC 123', kind: 'registreringsnummer', automatic: true },
    ]);
  });

  it("skips the organisation's own names (also in the genitive), and suggests long numbers", () => {
    const vocabulary = vocabularyOf(['Rinkeby-Kista stadsdelsnämnd', 'Kulturhuset Stadsteatern', 'Klotter']);
    expect(
      spans(
        'Möte med Rinkeby stadsdelsförvaltning och Ahmed från Kulturhusets café. Ärende 1234567, år 2026.',
        vocabulary,
      ),
    ).toEqual([
      { text: 'Ahmed', kind: 'name', automatic: false },
      { text: '1234567', kind: 'number', automatic: false },
    ]);
  });

  it('joins a first and last name (hyphenated too) into one span, and keeps names apart across punctuation', () => {
    expect(spans('1. Lampor trasiga\n2. Mohammed Ali-Hassan sa att det var Lisas och Eriks fel, Karin')).toEqual([
      { text: 'Mohammed Ali-Hassan', kind: 'name', automatic: false },
      { text: 'Lisas', kind: 'name', automatic: false },
      { text: 'Eriks', kind: 'name', automatic: false },
      { text: 'Karin', kind: 'name', automatic: false },
    ]);
  });

  it('finds nothing in lower-case text without digits or @', () => {
    expect(findCandidates('klotter på väggen vid entrén, belysningen trasig sedan i fredags', new Set())).toEqual([]);
  });

  it('masks spans with their labels', () => {
    expect(
      applyMasks('Ring Anna på 070-123 45 67', [
        { start: 13, end: 26, label: '[t]' },
        { start: 5, end: 9, label: '[n]' },
      ]),
    ).toBe('Ring [n] på [t]');
  });
});

const word = fc.stringMatching(/^[a-zåäöA-ZÅÄÖ0-9@.+-]{1,12}$/);
const text = fc
  .array(
    fc.oneof(
      word,
      fc.constantFrom(' ', '. ', ', ', '\n', 'Anna', '070-123 45 67', 'Storgatan 12', 'x@y.se', '19811218-9876'),
    ),
    { maxLength: 40 },
  )
  .map((p) => p.join(' '));

describe('candidate spans (properties)', () => {
  it('lie inside the text, sorted, non-empty and never overlapping', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = findCandidates(t, new Set());
        found.forEach((s, i) => {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(t.length);
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
        });
      }),
    );
  });

  it('once masked, leave nothing the recogniser would still find', () => {
    fc.assert(
      fc.property(text, (t) => {
        const masked = applyMasks(
          t,
          findCandidates(t, new Set())
            .filter((s) => s.automatic)
            .map((s) => ({ ...s, label: ' [x] ' })),
        );
        expect(redactPersonalData(masked).count).toBe(0);
      }),
    );
  });

  it('offer a capitalised unknown word mid-sentence, unless it is in the vocabulary', () => {
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^[A-ZÅÄÖ][a-zåäö]{2,10}$/)
          .filter(
            (n) =>
              !COMMON_WORDS_SV.includes(n.toLowerCase()) && !COMMON_WORDS_SV.includes(n.toLowerCase().slice(0, -1)),
          ),
        (name) => {
          const t = `vi träffade ${name} i parken`;
          expect(spans(t).map((s) => s.text)).toEqual([name]);
          expect(spans(t, vocabularyOf([name]))).toEqual([]);
        },
      ),
    );
  });
});

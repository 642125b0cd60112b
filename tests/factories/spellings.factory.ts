/**
 * Every spelling of each kind of personal data `redactPersonalData` must catch, in every context, and the
 * ordinary text it must leave alone. The separators come from the recognisers' own grammar
 * (`src/analysis/text/spellings.ts`), so a spelling added there is tested here.
 */
import type { RedactionKind } from '../../src/analysis/text/redact.js';
import { AT_WORDS, DASHES, DOT_WORDS, SPACES } from '../../src/analysis/text/spellings.js';

export interface Spelling {
  kind: RedactionKind;
  value: string;
  text: string;
  expected: string;
}

/** Where a value stands in a sentence; `{}` is the value. */
export const CONTEXTS = [
  '{}',
  'Uppgift: {}.',
  '({})',
  'Han sa {}, sedan gick han.',
  '"{}"',
  '{}\nny rad',
  'x:{};',
  'Före\u00a0{} efter',
  'Slut med {}',
];

const PLACEHOLDER = (kind: RedactionKind) => `[${kind}]`;

/** Valid identity numbers as YYYYMMDD + last four, with their kind. '+' is written for the one over 100 years old. */
const IDENTITIES: readonly [string, string, RedactionKind][] = [
  ['19811218', '9876', 'personnummer'],
  ['19850312', '1231', 'personnummer'],
  ['20020229', '4567', 'personnummer'],
  ['19811278', '9873', 'samordningsnummer'],
  ['19900171', '2349', 'samordningsnummer'],
  ['19170101', '2005', 'personnummer'],
];
const GAPS = [...SPACES, ...SPACES.map((s) => s + s)];
const AROUND = (sep: string) => [sep, ...SPACES.map((s) => `${s}${sep}${s}`), ` ${sep}`, `${sep} `];

function identitySpellings(): [RedactionKind, string][] {
  return IDENTITIES.flatMap(([date, last, kind]) => {
    const [yyyy, mm, dd] = [date.slice(0, 4), date.slice(4, 6), date.slice(6, 8)];
    const yy = yyyy.slice(2);
    const dashed = DASHES.flatMap((d) => [`${yyyy}${d}${mm}${d}${dd}`, `${yy}${d}${mm}${d}${dd}`]);
    const tails = [...DASHES, '+'].flatMap(AROUND);
    const written = [
      ...[`${yy}${mm}${dd}`, `${yyyy}${mm}${dd}`].flatMap((d) =>
        ['', ...GAPS, ...tails].map((sep) => `${d}${sep}${last}`),
      ),
      ...dashed.flatMap((d) => tails.map((sep) => `${d}${sep}${last}`)),
    ];
    return written.map((w): [RedactionKind, string] => [kind, w]);
  });
}

/** Area code (with its 0) and the subscriber number in the groups people write. */
const PHONES: readonly [string, string[]][] = [
  ['070', ['123', '45', '67']],
  ['08', ['123', '456', '78']],
  ['08', ['12', '34', '56']],
  ['031', ['12', '34', '56']],
  ['0910', ['123', '45']],
  ['0470', ['123', '456']],
  ['076', ['987', '65', '43']],
];

function phoneSpellings(): [RedactionKind, string][] {
  const joins = ['', ' ', '-', '.', '\u00a0'];
  const areaSeparators = ['.', '/', ...SPACES, ...DASHES.flatMap(AROUND), ...AROUND('/').slice(1)];
  return PHONES.flatMap(([area, groups]) => {
    const national = area.slice(1);
    const prefixes: [string, string[]][] = [
      [area, areaSeparators],
      [`(${area})`, ['', ...SPACES, '-']],
      ...['+46', '+46 ', '0046 ', '+46 (0)', '+46(0)'].map((p): [string, string[]] => [
        `${p}${national}`,
        [' ', '-', '\u00a0'],
      ]),
    ];
    const written = prefixes.flatMap(([prefix, seps]) =>
      seps.flatMap((sep) => joins.map((j) => `${prefix}${sep}${groups.join(j)}`)),
    );
    // Written in one piece only when the whole number is: 0701234567, +46701234567.
    written.push(`${area}${groups.join('')}`, `+46${national}${groups.join('')}`, `0046${national}${groups.join('')}`);
    return written.map((w): [RedactionKind, string] => ['telefon', w]);
  });
}

function emailSpellings(): [RedactionKind, string][] {
  const locals = ['anna.svensson', 'kalle_92', 'o.hedlund+trygg', 'Åsa-Lena'];
  const domains = [
    ['example', 'se'],
    ['stockholm', 'se'],
    ['mail', 'example', 'com'],
  ];
  const ats = [
    '@',
    ' @ ',
    ...AT_WORDS.flatMap((w) => [`[${w}]`, ` [${w}] `, `(${w})`, ` (${w}) `, ` [${w.toUpperCase()}] `]),
  ];
  const dots = ['.', ...DOT_WORDS.flatMap((w) => [`[${w}]`, ` [${w}] `, `(${w})`, ` (${w}) `])];
  return locals.flatMap((l) =>
    domains.flatMap((d) =>
      ats.flatMap((at) => dots.map((dot): [RedactionKind, string] => ['e-post', `${l}${at}${d.join(dot)}`])),
    ),
  );
}

function plateSpellings(): [RedactionKind, string][] {
  const letters = ['ABC', 'XYZ', 'KLM', 'GHJ', 'TUW', 'NOP', 'DEF'];
  const tails = ['123', '045', '12A', '90Z'];
  const cases = [(s: string) => s, (s: string) => s.toLowerCase(), (s: string) => s[0] + s.slice(1).toLowerCase()];
  const seps = ['', ' ', '-', '\u00a0', '–'];
  return letters.flatMap((l) =>
    tails.flatMap((t) =>
      cases.flatMap((c) => seps.map((s): [RedactionKind, string] => ['registreringsnummer', c(`${l}${s}${t}`)])),
    ),
  );
}

/** Every spelling × every context, with the text expected after redaction. */
export function generatedSpellings(): Spelling[] {
  const all = [...identitySpellings(), ...phoneSpellings(), ...emailSpellings(), ...plateSpellings()];
  return all.flatMap(([kind, value]) =>
    CONTEXTS.map((c) => ({ kind, value, text: c.replace('{}', value), expected: c.replace('{}', PLACEHOLDER(kind)) })),
  );
}

/**
 * Text that is not personal data although it looks like some, by the kind it resembles. Each must
 * come out unchanged.
 */
export const NEGATIVES: readonly [RedactionKind, string][] = [
  ['personnummer', 'Mötet 2026-11-20 1845 i foajén'],
  ['personnummer', 'Tre personer vid entrén kl 21:15 den 2026-11-20, ca 40 tags på 1200 m².'],
  ['personnummer', 'OCR 4401234567890 betald'],
  ['personnummer', 'Diarienummer 2026-1234, år 2019-2023'],
  ['personnummer', 'Fakturanummer 1234567890'],
  ['telefon', 'Datum 01-07-2023'],
  ['telefon', 'Datum 08-12-2023 och 01.07.2023 och 31/12/2023'],
  ['telefon', 'Öppet 0800-1000'],
  ['telefon', 'Öppet 08.00–10.00 och 08:00 - 17:00'],
  ['telefon', 'Stängt 0900-1700, lunch 0930-1130'],
  ['telefon', 'Tider 0800 - 1000 och 0800–1000'],
  ['telefon', 'OCR 0401234567'],
  ['telefon', 'Faktura nr 0412345678 betald'],
  ['telefon', 'Bankgiro 5050-1055, plusgiro 4 12 34-5'],
  ['telefon', 'OCR-nummer 0123456789012'],
  ['telefon', 'Ring SOS 112 eller 114 14, 1177 Vårdguiden'],
  ['telefon', 'Postnummer 111 29 Stockholm'],
  ['telefon', 'Barn 0 - 5 år, mellan 08 och 10, 0,50 kr, version 0.12.3'],
  ['registreringsnummer', 'Ring SOS 112'],
  ['registreringsnummer', 'Kostnad SEK 100 eller USD 250'],
  ['registreringsnummer', 'Med 200 personer på plats, och 100 till'],
  ['registreringsnummer', 'Rum 123 och kap 123, SFS 2018:218'],
  ['registreringsnummer', 'Det tog 120 minuter, ggr 100'],
  ['registreringsnummer', 'Kontrollsumma sha256, färg #fdd49e'],
  ['e-post', 'Möte @ Sergels torg'],
  ['e-post', 'Följ @polisen_sthlm, läs mer på stockholm.se'],
  ['e-post', 'hej [at] alla, vi ses (at) kl 10'],
];

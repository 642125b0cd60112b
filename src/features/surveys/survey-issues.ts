import type { SurveyRowIssue } from '../../domain/surveys.js';

type Params = Record<string, string | number>;

/** What can be wrong with a row of a survey file, in both languages; `{name}` is filled from the issue's params. */
const TEXTS = {
  missing_column: {
    en: 'The file has no column {value}.',
    sv: 'Filen saknar kolumnen {value}.',
  },
  missing_value: { en: 'The value is missing.', sv: 'Uppgiften saknas.' },
  invalid_year: {
    en: 'The year {value} is not a year between 1990 and 2100.',
    sv: 'Året {value} är inget år mellan 1990 och 2100.',
  },
  invalid_level: {
    en: 'The area level {value} is not kommun, stadsdelsomrade, lokalpolisomrade, polisregion or lan.',
    sv: 'Områdesnivån {value} är inte kommun, stadsdelsomrade, lokalpolisomrade, polisregion eller lan.',
  },
  unknown_survey: {
    en: 'There is no survey {value} in the catalogue.',
    sv: 'Undersökningen {value} finns inte i katalogen.',
  },
  unknown_area: {
    en: 'There is no survey area {value} at that level in the catalogue.',
    sv: 'Området {value} finns inte på den nivån i katalogen.',
  },
  unknown_question: {
    en: 'The survey has no question {value} in the catalogue.',
    sv: 'Undersökningen har ingen fråga {value} i katalogen.',
  },
  unknown_option: {
    en: 'The question has no answer option {value}.',
    sv: 'Frågan har inget svarsalternativ {value}.',
  },
  invalid_number: { en: '{value} is not a number.', sv: '{value} är inget tal.' },
  negative_count: {
    en: 'The number of respondents cannot be negative ({value}).',
    sv: 'Antalet svarande kan inte vara negativt ({value}).',
  },
  not_whole_number: {
    en: 'The number of respondents must be a whole number ({value}).',
    sv: 'Antalet svarande måste vara ett heltal ({value}).',
  },
  share_out_of_range: {
    en: 'A share must be between 0 and 100 percent ({value}).',
    sv: 'En andel måste vara mellan 0 och 100 procent ({value}).',
  },
  no_share: {
    en: 'The row gives no share for any answer option.',
    sv: 'Raden anger ingen andel för något svarsalternativ.',
  },
  shares_exceed_100: {
    en: 'The shares add up to {sum} percent, more than 100.',
    sv: 'Andelarna summerar till {sum} procent, mer än 100.',
  },
  shares_not_100: {
    en: 'The shares of all answer options add up to {sum} percent, not 100.',
    sv: 'Andelarna för alla svarsalternativ summerar till {sum} procent, inte 100.',
  },
  duplicate_row: {
    en: 'Row {row} already gives this area, question and year.',
    sv: 'Rad {row} anger redan samma område, fråga och år.',
  },
} as const satisfies Record<string, { en: string; sv: string }>;
export type SurveyIssueCode = keyof typeof TEXTS;

const fill = (text: string, params: Params) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

/** A cell's text as an issue quotes it: in quotes, cut to 60 characters. */
export function quoted(value: string): string {
  return `'${value.length > 60 ? `${value.slice(0, 59)}…` : value}'`;
}

/** One row issue with its message in English (the API's `message`) and in both languages. */
export function surveyIssue(
  row: number,
  column: string | null,
  code: SurveyIssueCode,
  params: Params = {},
): SurveyRowIssue {
  const text = TEXTS[code];
  const messages = { sv: fill(text.sv, params), en: fill(text.en, params) };
  return { row, column, code, message: messages.en, messages, ...(Object.keys(params).length ? { params } : {}) };
}

import {
  SHARE_SUM_TOLERANCE,
  type SurveyAreaLevel,
  SurveyAreaLevelSchema,
  type SurveyRowIssue,
} from '../../domain/surveys.js';
import { cellText, parseNumber } from '../imports/values.js';
import { quoted, surveyIssue } from './survey-issues.js';

/**
 * Reading a survey file's rows: the shared data's own columns (survey, year, area_name, area_level,
 * question, value_percent, respondents, source) or their Swedish names, plus any number of per-option
 * columns 'share: <option>' / 'andel: <option>'. `value_percent` is the share of the question's key option.
 */
const FIELDS = {
  survey: ['survey', 'undersökning'],
  year: ['year', 'år'],
  area_name: ['area_name', 'område'],
  area_level: ['area_level', 'nivå'],
  question: ['question', 'fråga'],
  value_percent: ['value_percent', 'andel'],
  respondents: ['respondents', 'svarande'],
  source: ['source', 'källa'],
} as const;
type Field = keyof typeof FIELDS;
const REQUIRED: readonly Field[] = ['survey', 'year', 'area_name', 'area_level', 'question'];
const OPTION_COLUMN = /^(?:share|andel)\s*:\s*(.+)$/i;

/** Names compare without case or repeated spaces: 'Spånga-Tensta ' is 'spånga-tensta'. */
export const nameKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

export interface ColumnPlan {
  fields: Partial<Record<Field, number>>;
  options: Array<{ index: number; option: string; column: string }>;
}

/** Which column holds what; the missing required columns as issues of the header row (row 1). */
export function planColumns(header: readonly string[]): { plan: ColumnPlan; issues: SurveyRowIssue[] } {
  const plan: ColumnPlan = { fields: {}, options: [] };
  header.forEach((name, index) => {
    const key = nameKey(name);
    const field = (Object.keys(FIELDS) as Field[]).find((f) => (FIELDS[f] as readonly string[]).includes(key));
    if (field && plan.fields[field] === undefined) plan.fields[field] = index;
    const option = OPTION_COLUMN.exec(name.trim())?.[1];
    if (option) plan.options.push({ index, option: option.trim(), column: name });
  });
  const issues = REQUIRED.filter((f) => plan.fields[f] === undefined).map((f) =>
    surveyIssue(1, null, 'missing_column', { value: quoted(f) }),
  );
  if (plan.fields.value_percent === undefined && plan.options.length === 0)
    issues.push(surveyIssue(1, null, 'missing_column', { value: quoted('value_percent') }));
  return { plan, issues };
}

/** The catalogue a row is checked against, keyed by `nameKey`. */
export interface SurveyLookups {
  surveys: ReadonlyMap<string, string>;
  /** `${nameKey(name)}|${level}` → survey area id. */
  areas: ReadonlyMap<string, string>;
  /** `${surveyId}|${nameKey(text)}` → the question. */
  questions: ReadonlyMap<string, { id: string; options: readonly string[]; keyOption: string }>;
}

export interface AdmittedSurveyRow {
  row: number;
  questionId: string;
  surveyAreaId: string;
  year: number;
  respondents: number | null;
  source: string | null;
  shares: Array<{ option: string; share: number }>;
}

const roundSum = (n: number) => Math.round(n * 10) / 10;

/**
 * One row, checked: the survey, area and question exist in the catalogue, the year is one, respondents are
 * a whole number ≥ 0 (or absent: many published figures give none), each share is within 0–100, the shares
 * add up to at most 100, and to 100 when every option is given (within the rounding of published figures).
 */
export function admitSurveyRow(
  row: number,
  cells: readonly unknown[],
  plan: ColumnPlan,
  header: readonly string[],
  lookups: SurveyLookups,
): { ok: true; value: AdmittedSurveyRow } | { ok: false; issues: SurveyRowIssue[] } {
  const issues: SurveyRowIssue[] = [];
  const column = (f: Field) => (plan.fields[f] === undefined ? null : (header[plan.fields[f]] ?? null));
  const text = (f: Field) => (plan.fields[f] === undefined ? '' : cellText(cells[plan.fields[f]]));
  const required = (f: Field) => {
    const value = text(f);
    if (value === '') issues.push(surveyIssue(row, column(f), 'missing_value'));
    return value;
  };

  const surveyName = required('survey');
  const yearText = required('year');
  const areaName = required('area_name');
  const levelText = required('area_level');
  const questionText = required('question');

  const year = parseNumber(yearText);
  if (yearText !== '' && (year === null || !Number.isInteger(year) || year < 1990 || year > 2100))
    issues.push(surveyIssue(row, column('year'), 'invalid_year', { value: quoted(yearText) }));

  const surveyId = surveyName ? lookups.surveys.get(nameKey(surveyName)) : undefined;
  if (surveyName && !surveyId)
    issues.push(surveyIssue(row, column('survey'), 'unknown_survey', { value: quoted(surveyName) }));

  const level = SurveyAreaLevelSchema.safeParse(nameKey(levelText));
  if (levelText && !level.success)
    issues.push(surveyIssue(row, column('area_level'), 'invalid_level', { value: quoted(levelText) }));
  const areaId =
    areaName && level.success
      ? lookups.areas.get(`${nameKey(areaName)}|${level.data satisfies SurveyAreaLevel}`)
      : undefined;
  if (areaName && level.success && !areaId)
    issues.push(surveyIssue(row, column('area_name'), 'unknown_area', { value: quoted(areaName) }));

  const question = surveyId && questionText ? lookups.questions.get(`${surveyId}|${nameKey(questionText)}`) : undefined;
  if (surveyId && questionText && !question)
    issues.push(surveyIssue(row, column('question'), 'unknown_question', { value: quoted(questionText) }));

  const respondentsText = text('respondents');
  const respondents = respondentsText === '' ? null : parseNumber(respondentsText);
  if (respondentsText !== '') {
    if (respondents === null)
      issues.push(surveyIssue(row, column('respondents'), 'invalid_number', { value: quoted(respondentsText) }));
    else if (respondents < 0)
      issues.push(surveyIssue(row, column('respondents'), 'negative_count', { value: respondents }));
    else if (!Number.isInteger(respondents))
      issues.push(surveyIssue(row, column('respondents'), 'not_whole_number', { value: respondents }));
  }

  const shares: Array<{ option: string; share: number; column: string }> = [];
  const readShare = (raw: string, option: string | null, columnName: string) => {
    if (raw === '') return;
    const share = parseNumber(raw);
    if (share === null) issues.push(surveyIssue(row, columnName, 'invalid_number', { value: quoted(raw) }));
    else if (share < 0 || share > 100)
      issues.push(surveyIssue(row, columnName, 'share_out_of_range', { value: share }));
    else if (option !== null) shares.push({ option, share, column: columnName });
  };
  if (plan.fields.value_percent !== undefined)
    readShare(text('value_percent'), question?.keyOption ?? null, column('value_percent') ?? '');
  for (const o of plan.options) readShare(cellText(cells[o.index]), o.option, o.column);

  if (question) {
    const known = new Map(question.options.map((o) => [nameKey(o), o]));
    const given = new Map<string, number>();
    for (const s of shares) {
      const option = known.get(nameKey(s.option));
      if (!option) issues.push(surveyIssue(row, s.column, 'unknown_option', { value: quoted(s.option) }));
      else given.set(option, s.share);
    }
    const sum = [...given.values()].reduce((a, b) => a + b, 0);
    const hadShareText = plan.options.some((o) => cellText(cells[o.index]) !== '') || text('value_percent') !== '';
    if (!hadShareText) issues.push(surveyIssue(row, null, 'no_share'));
    else if (sum > 100 + SHARE_SUM_TOLERANCE)
      issues.push(surveyIssue(row, null, 'shares_exceed_100', { sum: roundSum(sum) }));
    else if (given.size === question.options.length && Math.abs(sum - 100) > SHARE_SUM_TOLERANCE)
      issues.push(surveyIssue(row, null, 'shares_not_100', { sum: roundSum(sum) }));
    if (issues.length === 0 && question && areaId && year !== null) {
      const source = text('source');
      return {
        ok: true,
        value: {
          row,
          questionId: question.id,
          surveyAreaId: areaId,
          year,
          respondents,
          source: source === '' ? null : source.slice(0, 1000),
          shares: [...given].map(([option, share]) => ({ option, share })),
        },
      };
    }
  }
  return { ok: false, issues };
}

/** Rows that repeat an earlier row's area, question and year, as issues naming that row. */
export function repeatedRows(rows: readonly AdmittedSurveyRow[]): SurveyRowIssue[] {
  const first = new Map<string, number>();
  const issues: SurveyRowIssue[] = [];
  for (const r of rows) {
    const key = `${r.questionId}|${r.surveyAreaId}|${r.year}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else issues.push(surveyIssue(r.row, null, 'duplicate_row', { row: seen }));
  }
  return issues;
}

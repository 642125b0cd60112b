import type { Db } from '../../core/context.js';
import type { IndicatorDirection } from '../../domain/problems.js';
import { type SurveyAreaLevel, SurveyAreaLevelSchema, type SurveyQuestionKind } from '../../domain/surveys.js';
import { admitSurveyTable, surveyLookups } from './survey-import.service.js';
import { nameKey } from './survey-rows.js';
import { findDistrictByName, insertQuestion, insertSurvey, insertSurveyArea, upsertResults } from './surveys.repo.js';

/** A published figure as the shared data compiles them: one row per survey × area × question × year. */
export interface PublishedFigure {
  survey: string;
  year: string;
  area_name: string;
  area_level: string;
  question: string;
  value_percent: string;
  respondents: string;
  source: string;
}

/** Broadest first: a survey's broadest area, when it is a whole municipality, region or county, is its average. */
const BREADTH: readonly SurveyAreaLevel[] = ['lan', 'polisregion', 'kommun', 'lokalpolisomrade', 'stadsdelsomrade'];
const AVERAGE_LEVELS: ReadonlySet<SurveyAreaLevel> = new Set(['lan', 'polisregion', 'kommun']);

/** The police ask who feels safe, the city who feels unsafe: higher is better only for the former. */
const SAFE_WORDING = /^(trygg|mycket eller ganska trygg)\b/i;
const RESPONSE_RATE = /^svarsfrekvens\b/i;

function questionShape(text: string): {
  kind: SurveyQuestionKind;
  direction: IndicatorDirection;
  options: string[];
  key: string;
} {
  if (RESPONSE_RATE.test(text))
    return { kind: 'response_rate', direction: 'higher', options: ['Svarat', 'Ej svarat'], key: 'Svarat' };
  return { kind: 'item', direction: SAFE_WORDING.test(text) ? 'higher' : 'lower', options: ['Ja', 'Nej'], key: 'Ja' };
}

/**
 * Loads published survey figures (the demo's shared data): builds the catalogue they need — surveys, areas
 * (districts linked to the organisation's own area of that name), questions with the figure as the share
 * answering 'Ja' — then admits the figures through the same row checks as an import. Throws on a figure
 * the checks refuse: the shared data is then broken. Returns the number of results.
 */
export async function loadPublishedSurveyFigures(
  db: Db,
  organisationId: string,
  figures: readonly PublishedFigure[],
): Promise<number> {
  const areaIds = new Map<string, string>();
  for (const f of figures) {
    const level = SurveyAreaLevelSchema.parse(f.area_level);
    const key = `${nameKey(f.area_name)}|${level}`;
    if (areaIds.has(key)) continue;
    const district =
      level === 'stadsdelsomrade' ? await findDistrictByName(db, organisationId, f.area_name) : undefined;
    areaIds.set(
      key,
      await insertSurveyArea(db, {
        organisation_id: organisationId,
        name: f.area_name,
        level,
        area_id: district?.id ?? null,
      }),
    );
  }
  const surveys = [...new Set(figures.map((f) => f.survey))];
  for (const name of surveys) {
    const own = figures.filter((f) => f.survey === name);
    const broadest = [...own].sort(
      (a, b) => BREADTH.indexOf(a.area_level as SurveyAreaLevel) - BREADTH.indexOf(b.area_level as SurveyAreaLevel),
    )[0];
    const average =
      broadest && AVERAGE_LEVELS.has(broadest.area_level as SurveyAreaLevel)
        ? (areaIds.get(`${nameKey(broadest.area_name)}|${broadest.area_level}`) ?? null)
        : null;
    const surveyId = await insertSurvey(db, { organisation_id: organisationId, name, reference_area_id: average });
    for (const text of new Set(own.map((f) => f.question))) {
      const shape = questionShape(text);
      await insertQuestion(db, {
        organisation_id: organisationId,
        survey_id: surveyId,
        text,
        kind: shape.kind,
        options: { options: shape.options },
        key_option: shape.key,
        direction: shape.direction,
      });
    }
  }
  const header = [
    'survey',
    'year',
    'area_name',
    'area_level',
    'question',
    'value_percent',
    'respondents',
    'source',
  ] as const;
  const { rows, issues } = admitSurveyTable(
    header,
    figures.map((f, i) => ({ row: i + 2, cells: header.map((h) => f[h]) })),
    await surveyLookups(db, organisationId),
  );
  if (issues.length)
    throw new Error(`survey figures refused: ${issues.map((i) => `row ${i.row}: ${i.message}`).join('; ')}`);
  const written = await upsertResults(
    db,
    rows.map((r) => ({ ...r, organisationId })),
  );
  return written.inserted;
}

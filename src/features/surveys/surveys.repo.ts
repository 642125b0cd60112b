import { type Insertable, sql } from 'kysely';
import type { Db } from '../../core/context.js';
import type { SurveyAreasTable, SurveyQuestionsTable } from '../../db/schema/surveys.js';

/** The organisation's surveys. */
export function listSurveyRows(db: Db, organisationId: string) {
  return db
    .selectFrom('surveys')
    .select(['id', 'name', 'reference_area_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

/** Survey areas with the organisation's area they are (name and last day in force). */
export function listSurveyAreaRows(db: Db, organisationId: string) {
  return db
    .selectFrom('survey_areas as s')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .select(['s.id', 's.name', 's.level', 's.area_id', 'a.name as area_name', 'a.valid_to'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.level')
    .orderBy('s.name')
    .execute();
}

/** The question catalogue. */
export function listQuestionRows(db: Db, organisationId: string) {
  return db
    .selectFrom('survey_questions')
    .select(['id', 'survey_id', 'text', 'kind', 'options', 'key_option', 'direction'])
    .where('organisation_id', '=', organisationId)
    .orderBy('text')
    .execute();
}

/** Which area × question has results in which years. */
export function listSeriesYears(db: Db, organisationId: string) {
  return db
    .selectFrom('survey_results')
    .select(['question_id', 'survey_area_id', 'year'])
    .where('organisation_id', '=', organisationId)
    .orderBy('question_id')
    .orderBy('survey_area_id')
    .orderBy('year')
    .execute();
}

/** The results of one question in the given areas, each with its shares, by year. */
export async function listResultRows(db: Db, organisationId: string, questionId: string, areaIds: readonly string[]) {
  if (areaIds.length === 0) return [];
  const results = await db
    .selectFrom('survey_results')
    .select(['id', 'survey_area_id', 'year', 'respondents', 'source'])
    .where('organisation_id', '=', organisationId)
    .where('question_id', '=', questionId)
    .where('survey_area_id', 'in', [...areaIds])
    .orderBy('year')
    .execute();
  const shares = results.length
    ? await db
        .selectFrom('survey_result_shares')
        .select(['result_id', 'option', 'share_percent'])
        .where(
          'result_id',
          'in',
          results.map((r) => r.id),
        )
        .execute()
    : [];
  return results.map((r) => ({ ...r, shares: shares.filter((s) => s.result_id === r.id) }));
}

export interface ResultWrite {
  organisationId: string;
  questionId: string;
  surveyAreaId: string;
  year: number;
  respondents: number | null;
  source: string | null;
  shares: ReadonlyArray<{ option: string; share: number }>;
}

/**
 * Writes results, replacing those of the same area × question × year (a corrected file is imported again):
 * how many were new and how many replaced. Call it in the import's transaction.
 */
export async function upsertResults(
  db: Db,
  rows: readonly ResultWrite[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (const r of rows) {
    const saved = await db
      .insertInto('survey_results')
      .values({
        organisation_id: r.organisationId,
        question_id: r.questionId,
        survey_area_id: r.surveyAreaId,
        year: r.year,
        respondents: r.respondents,
        source: r.source,
      })
      .onConflict((oc) =>
        oc.columns(['question_id', 'survey_area_id', 'year']).doUpdateSet({
          respondents: r.respondents,
          source: r.source,
          updated_at: sql`now()`,
        }),
      )
      .returning(['id', sql<boolean>`xmax = 0`.as('inserted')])
      .executeTakeFirstOrThrow();
    if (saved.inserted) inserted++;
    await db.deleteFrom('survey_result_shares').where('result_id', '=', saved.id).execute();
    if (r.shares.length)
      await db
        .insertInto('survey_result_shares')
        .values(
          r.shares.map((s) => ({
            organisation_id: r.organisationId,
            result_id: saved.id,
            option: s.option,
            share_percent: s.share,
          })),
        )
        .execute();
  }
  return { inserted, updated: rows.length - inserted };
}

/** Adds a survey area (the seed's catalogue); returns its id. */
export async function insertSurveyArea(db: Db, row: Insertable<SurveyAreasTable>): Promise<string> {
  return (await db.insertInto('survey_areas').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds a survey; returns its id. */
export async function insertSurvey(
  db: Db,
  row: { organisation_id: string; name: string; reference_area_id: string | null },
): Promise<string> {
  return (await db.insertInto('surveys').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds a question to the catalogue; returns its id. */
export async function insertQuestion(db: Db, row: Insertable<SurveyQuestionsTable>): Promise<string> {
  return (await db.insertInto('survey_questions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The organisation's district (stadsdelsområde) of this name, newest layout first: a survey area's link. */
export function findDistrictByName(db: Db, organisationId: string, name: string) {
  return db
    .selectFrom('areas')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('level', '=', 'district')
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

/** One question of the organisation, with its survey's name. */
export function findQuestion(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('survey_questions as q')
    .innerJoin('surveys as s', 's.id', 'q.survey_id')
    .select([
      'q.id',
      'q.survey_id',
      'q.text',
      'q.kind',
      'q.options',
      'q.key_option',
      'q.direction',
      's.name as survey_name',
      's.reference_area_id',
    ])
    .where('q.organisation_id', '=', organisationId)
    .where('q.id', '=', id)
    .executeTakeFirst();
}

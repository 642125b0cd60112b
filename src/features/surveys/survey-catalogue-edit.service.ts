import { auditChange } from '../../core/audit.repo.js';
import type { Db, ServiceContext } from '../../core/context.js';
import { findArea } from '../../core/tenancy.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type {
  SurveyArea,
  SurveyAreaCreate,
  SurveyCreate,
  SurveyQuestion,
  SurveyQuestionCreate,
} from '../../domain/surveys.js';
import { surveyLookups } from './survey-import.service.js';
import { nameKey } from './survey-rows.js';
import { insertQuestion, insertSurvey, insertSurveyArea } from './surveys.repo.js';

const invalid = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, code, message }] });

/** Imports match names without case or extra spaces, so two names equal that way would make a row ambiguous. */
const taken = (path: string, what: { sv: string; en: string }) =>
  new AppError('CONFLICT', {
    messages: { sv: `${what.sv} finns redan i katalogen.`, en: `${what.en} is already in the catalogue.` },
    details: [{ path, code: 'already_in_catalogue', message: `${what.en} is already in the catalogue` }],
  });

async function audited<T extends { id: string }>(
  ctx: ServiceContext,
  entityType: string,
  after: Record<string, unknown>,
  write: (db: Db) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx.db, async (trx) => {
    const created = await write(trx);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType,
      entityId: created.id,
      after,
    });
    return created;
  });
}

/** Adds a survey; its average area must be in the catalogue. */
export async function createSurvey(ctx: ServiceContext, input: SurveyCreate) {
  const org = ctx.organisation.id;
  const lookups = await surveyLookups(ctx.db, org);
  if (lookups.surveys.has(nameKey(input.name))) throw taken('name', { sv: 'Undersökningen', en: 'The survey' });
  if (input.reference_area_id && ![...lookups.areas.values()].includes(input.reference_area_id))
    throw invalid('reference_area_id', 'unknown_survey_area', 'no such survey area');
  return audited(ctx, 'survey', { ...input }, async (db) => ({
    id: await insertSurvey(db, { organisation_id: org, name: input.name, reference_area_id: input.reference_area_id }),
    name: input.name,
    reference_area_id: input.reference_area_id,
  }));
}

/** Adds a survey area; a linked area must be one of the organisation's districts. */
export async function createSurveyArea(ctx: ServiceContext, input: SurveyAreaCreate): Promise<SurveyArea> {
  const org = ctx.organisation.id;
  const lookups = await surveyLookups(ctx.db, org);
  if (lookups.areas.has(`${nameKey(input.name)}|${input.level}`))
    throw taken('name', { sv: 'Området på den nivån', en: 'The area at that level' });
  const area = input.area_id ? await findArea(ctx.db, org, input.area_id) : undefined;
  if (input.area_id && area?.level !== 'district') throw invalid('area_id', 'unknown_area', 'no such district');
  return audited(ctx, 'survey_area', { ...input }, async (db) => ({
    id: await insertSurveyArea(db, {
      organisation_id: org,
      name: input.name,
      level: input.level,
      area_id: input.area_id,
    }),
    name: input.name,
    level: input.level,
    area: area ? { id: area.id, name: area.name, valid_to: area.valid_to } : null,
  }));
}

/** Adds a question to a survey of the catalogue. */
export async function createSurveyQuestion(ctx: ServiceContext, input: SurveyQuestionCreate): Promise<SurveyQuestion> {
  const lookups = await surveyLookups(ctx.db, ctx.organisation.id);
  if (![...lookups.surveys.values()].includes(input.survey_id))
    throw invalid('survey_id', 'unknown_survey', 'no such survey');
  if (lookups.questions.has(`${input.survey_id}|${nameKey(input.text)}`))
    throw taken('text', { sv: 'Frågan', en: 'The question' });
  return audited(ctx, 'survey_question', { ...input }, async (db) => ({
    id: await insertQuestion(db, {
      organisation_id: ctx.organisation.id,
      survey_id: input.survey_id,
      text: input.text,
      kind: input.kind,
      options: { options: input.options },
      key_option: input.key_option,
      direction: input.direction,
    }),
    ...input,
  }));
}

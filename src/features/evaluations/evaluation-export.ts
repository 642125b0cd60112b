import type { ServiceContext } from '../../core/context.js';
import { canReadFreeText } from '../../core/policy.js';
import { localMinute } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import { swedishDay } from '../../domain/labels.js';
import { getMeasure } from '../measures/measures.service.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import { renderEvaluationPdf } from './evaluation.pdf.js';
import { renderEvaluationXlsx } from './evaluation.xlsx.js';
import { type EvaluationReport, siteNames } from './evaluation-report.js';
import { evaluationResults } from './evaluation-results.service.js';
import { getEvaluation } from './evaluations.service.js';

/**
 * The measure's title, or null when the caller may not read it: a measure they may not see, or a title they
 * would only see as a neutral label (with a piece of its id) because they may not read free text.
 */
async function measureTitle(ctx: ServiceContext, id: string): Promise<string | null> {
  if (!canReadFreeText(ctx.principal)) return null;
  try {
    return (await getMeasure(ctx, id)).title;
  } catch (e) {
    if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return null;
    throw e;
  }
}

/**
 * An evaluation as a PDF report to read and sign, or an Excel workbook (design, effects, weekly series). Who
 * may read the evaluation may export it, and only they: the same not-found as the evaluation itself.
 */
export async function exportEvaluation(ctx: ServiceContext, id: string, format: ExportFormat): Promise<ExportFile> {
  const evaluation = await getEvaluation(ctx, id);
  const [results, measure] = await Promise.all([evaluationResults(ctx, id), measureTitle(ctx, evaluation.measure_id)]);
  const [day, time] = localMinute(new Date(), ctx.organisation.timeZone).split(' ');
  const report: EvaluationReport = { evaluation, results, measure, made: `${swedishDay(day!)} kl. ${time}` };
  const body = format === 'pdf' ? await renderEvaluationPdf(report) : await renderEvaluationXlsx(report);
  // Plain ASCII: a header carries no å, ä or ö safely, and the name is typed into file dialogs.
  const place = siteNames(evaluation.treatment)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return exportFile(body, format, `utvardering-${place}-${evaluation.after.to.slice(0, 4)}`);
}

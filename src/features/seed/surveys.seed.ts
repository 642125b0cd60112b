import type { Db } from '../../core/context.js';
import { z } from 'zod';
import { loadPublishedSurveyFigures } from '../surveys/survey-catalogue.service.js';
import { readCsvFile } from './shared-data.js';

const FILE = 'stockholm/trygghetsmatning_results.csv';

const FigureSchema = z.object({
  survey: z.string().min(1),
  year: z.string(),
  area_name: z.string().min(1),
  area_level: z.string(),
  question: z.string().min(1),
  value_percent: z.string(),
  respondents: z.string(),
  source: z.string(),
});

/**
 * The published trygghetsmätning figures of the shared data (SOURCES.md): the city's, the police region's
 * and related surveys. Respondents are kept only where the source gave them, so most years have no interval.
 */
export async function seedSurveys(db: Db, organisationId: string, dir: string): Promise<number> {
  return loadPublishedSurveyFigures(db, organisationId, await readCsvFile(dir, FILE, FigureSchema));
}

import { rm } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { surveysContract as routes } from '../../contracts/surveys.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { receiveUpload } from '../imports/imports.routes.js';
import { createSurvey, createSurveyArea, createSurveyQuestion } from './survey-catalogue-edit.service.js';
import { importSurveyResults } from './survey-import.service.js';
import { getSurveyCatalogue, getSurveySeries } from './surveys.service.js';

/** Survey result files hold a few thousand rows at most. */
const MAX_SURVEY_FILE_BYTES = 5 * 1024 * 1024;

/** Safety surveys: the catalogue, one area's series, and importing results. */
export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_SURVEY_FILE_BYTES, files: 1, fields: 0, parts: 2 } });
  serve(app, routes.catalogue, async ({ ctx }) => getSurveyCatalogue(ctx));
  serve(app, routes.series, async ({ ctx, query }) => getSurveySeries(ctx, query));
  serve(app, routes.createSurvey, async ({ ctx, body }) => createSurvey(ctx, body));
  serve(app, routes.createArea, async ({ ctx, body }) => createSurveyArea(ctx, body));
  serve(app, routes.createQuestion, async ({ ctx, body }) => createSurveyQuestion(ctx, body));
  serveHttp(app, routes.importResults, async ({ context, query, request }) => {
    const ctx = await context();
    const upload = await receiveUpload(request, MAX_SURVEY_FILE_BYTES);
    try {
      return await importSurveyResults(ctx, {
        filePath: upload.path,
        fileName: upload.fileName,
        dryRun: query.dry_run,
      });
    } finally {
      await rm(upload.dir, { recursive: true, force: true });
    }
  });
};

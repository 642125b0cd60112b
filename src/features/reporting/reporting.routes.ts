import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportingContract as routes } from '../../contracts/reporting.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { getCompiledReport } from './compiled-report.service.js';
import { getPublicFollowup } from './public-followup.service.js';
import { exportCompiledReport } from './reporting.export.js';
import {
  closeReportingPeriod,
  getPeriodOverview,
  listReportingPeriods,
  openReportingPeriod,
} from './reporting-periods.service.js';
import { getUnitFollowup, saveFollowupDraft, submitFollowup } from './unit-followups.service.js';

/** The reporting cycle: periods, the units' follow-ups and the compiled report (JSON, PDF, Excel). */
export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx }) => listReportingPeriods(ctx));
  serve(app, routes.open, async ({ ctx, body }) => openReportingPeriod(ctx, body));
  serve(app, routes.get, async ({ ctx, params }) => getPeriodOverview(ctx, params.id));
  serve(app, routes.close, async ({ ctx, params }) => closeReportingPeriod(ctx, params.id));
  serve(app, routes.followup, async ({ ctx, params }) => getUnitFollowup(ctx, params.id, params.unit_id));
  serve(app, routes.saveDraft, async ({ ctx, params, body, version }) =>
    saveFollowupDraft(ctx, params.id, params.unit_id, body, undefined, version),
  );
  serve(app, routes.submit, async ({ ctx, params }) => submitFollowup(ctx, params.id, params.unit_id));
  serve(app, routes.report, async ({ ctx, params }) => getCompiledReport(ctx, params.id));
  serve(app, routes.publicFollowup, async ({ ctx, params }) => getPublicFollowup(ctx, params.id));

  for (const format of ['pdf', 'xlsx'] as const) {
    serveHttp(app, routes.file[format], async ({ context, params, reply }) => {
      const ctx = await context();
      const file = await exportCompiledReport(
        await getCompiledReport(ctx, params.id),
        format,
        ctx.organisation.timeZone,
      );
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
};

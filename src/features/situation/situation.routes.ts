import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { situationContract as routes } from '../../contracts/situation.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { encodedBody, preferredEncoding } from './compressed-body.js';
import {
  addMeetingAction,
  createMeeting,
  freezeSituationReport,
  getFrozenReport,
  getMeeting,
  listFrozenReports,
  updateMeeting,
  updateMeetingAction,
} from './meetings.service.js';
import {
  confirmRatings,
  createAnnotation,
  deleteAnnotation,
  getDistrictThresholds,
  listAnnotations,
  setDistrictThresholds,
  updateAnnotation,
} from './ratings.service.js';
import {
  type ExportFile,
  exportFrozenReport,
  exportMeetingProtocol,
  exportSituationReport,
} from './situation.export.js';
import { getSituationReport } from './situation.service.js';

function download(
  reply: { header(k: string, v: string): unknown; type(t: string): unknown; send(b: Buffer): unknown },
  file: ExportFile,
) {
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.type(file.contentType);
  return reply.send(file.body);
}

/** The weekly situation picture: live report, exports, ratings, annotations, frozen reports, meetings, actions. */
export const situationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Compressed here from the cache (compressed-body.ts), not per request by @fastify/compress.
  serveHttp(app, routes.report, async ({ context, query, request, reply }) => {
    const { json } = await getSituationReport(await context(), query);
    // The cached JSON text goes out as is: Fastify skips serialisation for a string with a JSON type.
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(json.text as never);
    return reply.header('content-encoding', encoding).send((await encodedBody(json, encoding)) as never);
  });

  for (const format of ['pdf', 'xlsx'] as const) {
    serveHttp(app, routes.reportFile[format], async ({ context, query, reply }) =>
      download(reply, await exportSituationReport(await context(), query, format)),
    );
    serveHttp(app, routes.frozenFile[format], async ({ context, params, reply }) =>
      download(reply, await exportFrozenReport(await context(), params.id, format)),
    );
    serveHttp(app, routes.protocolFile[format], async ({ context, params, reply }) =>
      download(reply, await exportMeetingProtocol(await context(), params.id, format)),
    );
  }

  serve(app, routes.thresholds, async ({ ctx, params }) => getDistrictThresholds(ctx, params.area_id));
  serve(app, routes.setThresholds, async ({ ctx, params, body }) => setDistrictThresholds(ctx, params.area_id, body));
  serve(app, routes.confirmRatings, async ({ ctx, params, body }) => confirmRatings(ctx, params.area_id, body));
  serve(app, routes.annotations, async ({ ctx, query }) => listAnnotations(ctx, query));
  serve(app, routes.createAnnotation, async ({ ctx, body }) => createAnnotation(ctx, body));
  serve(app, routes.updateAnnotation, async ({ ctx, params, body, version }) =>
    updateAnnotation(ctx, params.id, body, version),
  );
  serve(app, routes.deleteAnnotation, async ({ ctx, params, version }) => {
    await deleteAnnotation(ctx, params.id, version);
    return null;
  });
  serve(app, routes.freeze, async ({ ctx, body }) => freezeSituationReport(ctx, body));
  serve(app, routes.frozenReports, async ({ ctx, query }) => listFrozenReports(ctx, query));
  serve(app, routes.frozenReport, async ({ ctx, params }) => getFrozenReport(ctx, params.id));
  serve(app, routes.createMeeting, async ({ ctx, params, body }) => createMeeting(ctx, params.id, body));
  serve(app, routes.meeting, async ({ ctx, params }) => getMeeting(ctx, params.id));
  serve(app, routes.updateMeeting, async ({ ctx, params, body, version }) =>
    updateMeeting(ctx, params.id, body, version),
  );
  serve(app, routes.addAction, async ({ ctx, params, body }) => addMeetingAction(ctx, params.id, body));
  serve(app, routes.updateAction, async ({ ctx, params, body, version }) =>
    updateMeetingAction(ctx, params.id, body, version),
  );
};

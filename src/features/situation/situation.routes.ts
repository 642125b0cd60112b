import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import {
  FreezeReportSchema, FrozenReportListQuerySchema, FrozenReportSummarySchema, FrozenReportViewSchema, MeetingActionCreateSchema,
  MeetingActionSchema, MeetingActionUpdateSchema, MeetingCreateSchema, MeetingSchema, MeetingUpdateSchema,
} from '../../domain/meetings.js';
import {
  AnnotationInputSchema, AnnotationListQuerySchema, AnnotationSchema, AnnotationUpdateSchema, NeighbourhoodRowSchema,
  RatingConfirmSchema, RatingThresholdsInputSchema, RatingThresholdsSchema, SituationQuerySchema, SituationReportSchema,
} from '../../domain/situation.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import { encodedBody, preferredEncoding } from './compressed-body.js';
import {
  addMeetingAction, createMeeting, freezeSituationReport, getFrozenReport, getMeeting, listFrozenReports, updateMeeting, updateMeetingAction,
} from './meetings.service.js';
import {
  confirmRatings, createAnnotation, deleteAnnotation, getDistrictThresholds, listAnnotations, setDistrictThresholds, updateAnnotation,
} from './ratings.service.js';
import { type ExportFile, exportFrozenReport, exportSituationReport } from './situation.export.js';
import { getSituationReport } from './situation.service.js';

const tags = ['situation'];
const IdParams = z.object({ id: UuidSchema });
const AreaParams = z.object({ area_id: UuidSchema });
const FileSchema = { 200: z.any().describe('the file') };

function download(reply: { header(k: string, v: string): unknown; type(t: string): unknown; send(b: Buffer): unknown }, file: ExportFile) {
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.type(file.contentType);
  return reply.send(file.body);
}

/** The weekly situation picture: live report, exports, ratings, annotations, frozen reports, meetings, actions. */
export const situationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/situation/report', {
    // Compressed here from the cache (compressed-body.ts), not per request by @fastify/compress.
    config: { policy: 'situation:read', compress: false },
    schema: { tags, summary: 'Situation report for a district (area_id) or the whole city, one ISO week', querystring: SituationQuerySchema, response: { 200: SituationReportSchema } },
  }, async (request, reply) => {
    const { json } = await getSituationReport(await serviceContext(request), request.query);
    // The cached JSON text goes out as is: Fastify skips serialisation for a string with a JSON type.
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(json.text as never);
    return reply.header('content-encoding', encoding).send(await encodedBody(json, encoding) as never);
  });

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/situation/report/${format}`, {
      config: { policy: 'situation:read' },
      schema: { tags, summary: `The live report as ${format.toUpperCase()}`, querystring: SituationQuerySchema, response: FileSchema },
    }, async (request, reply) => download(reply, await exportSituationReport(await serviceContext(request), request.query, format)));
    app.get(`/situation/reports/:id/${format}`, {
      config: { policy: 'meetings:read' },
      schema: { tags, summary: `A frozen report as ${format.toUpperCase()}`, params: IdParams, response: FileSchema },
    }, async (request, reply) => download(reply, await exportFrozenReport(await serviceContext(request), request.params.id, format)));
  }

  app.get('/situation/districts/:area_id/thresholds', {
    config: { policy: 'situation:read' },
    schema: { tags, summary: "A district's rating thresholds", params: AreaParams, response: { 200: RatingThresholdsSchema } },
  }, async (request) => getDistrictThresholds(await serviceContext(request), request.params.area_id));

  app.put('/situation/districts/:area_id/thresholds', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: "Set a district's rating thresholds", params: AreaParams, body: RatingThresholdsInputSchema, response: { 200: RatingThresholdsSchema } },
  }, async (request) => setDistrictThresholds(await serviceContext(request), request.params.area_id, request.body));

  app.put('/situation/districts/:area_id/ratings', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: "Confirm a week's area ratings", params: AreaParams, body: RatingConfirmSchema, response: { 200: z.array(NeighbourhoodRowSchema) } },
  }, async (request) => confirmRatings(await serviceContext(request), request.params.area_id, request.body));

  app.get('/situation/annotations', {
    config: { policy: 'situation:read' },
    schema: { tags, summary: 'Annotations on the timeline (changes in reporting)', querystring: AnnotationListQuerySchema, response: { 200: z.array(AnnotationSchema) } },
  }, async (request) => listAnnotations(await serviceContext(request), request.query));

  app.post('/situation/annotations', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: 'Add an annotation', body: AnnotationInputSchema, response: { 201: AnnotationSchema } },
  }, async (request, reply) => reply.status(201).send(await createAnnotation(await serviceContext(request), request.body)));

  app.patch('/situation/annotations/:id', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: 'Edit an annotation', params: IdParams, body: AnnotationUpdateSchema, response: { 200: AnnotationSchema } },
  }, async (request) => updateAnnotation(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.delete('/situation/annotations/:id', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: 'Delete an annotation', params: IdParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteAnnotation(await serviceContext(request), request.params.id, ifMatch(request));
    return reply.status(204).send(null);
  });

  app.post('/situation/reports', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: "Freeze a week's report for the meeting", body: FreezeReportSchema, response: { 201: FrozenReportViewSchema } },
  }, async (request, reply) => reply.status(201).send(await freezeSituationReport(await serviceContext(request), request.body)));

  app.get('/situation/reports', {
    config: { policy: 'situation:read' },
    schema: { tags, summary: 'Frozen reports, newest week first', querystring: FrozenReportListQuerySchema, response: { 200: z.array(FrozenReportSummarySchema) } },
  }, async (request) => listFrozenReports(await serviceContext(request), request.query));

  app.get('/situation/reports/:id', {
    config: { policy: 'meetings:read' },
    schema: { tags, summary: 'A frozen report: frozen figures, current figures and the difference', params: IdParams, response: { 200: FrozenReportViewSchema } },
  }, async (request) => getFrozenReport(await serviceContext(request), request.params.id));

  app.post('/situation/reports/:id/meeting', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: 'Record the meeting about a frozen report', params: IdParams, body: MeetingCreateSchema, response: { 201: MeetingSchema } },
  }, async (request, reply) => reply.status(201).send(await createMeeting(await serviceContext(request), request.params.id, request.body)));

  app.get('/situation/meetings/:id', {
    config: { policy: 'meetings:read' },
    schema: { tags, summary: 'A meeting with participants, notes and actions', params: IdParams, response: { 200: MeetingSchema } },
  }, async (request) => getMeeting(await serviceContext(request), request.params.id));

  app.patch('/situation/meetings/:id', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: "Change a meeting's time, participants or notes", params: IdParams, body: MeetingUpdateSchema, response: { 200: MeetingSchema } },
  }, async (request) => updateMeeting(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.post('/situation/meetings/:id/actions', {
    config: { policy: 'situation:write' },
    schema: { tags, summary: 'Add a decided action', params: IdParams, body: MeetingActionCreateSchema, response: { 201: MeetingActionSchema } },
  }, async (request, reply) => reply.status(201).send(await addMeetingAction(await serviceContext(request), request.params.id, request.body)));

  app.patch('/situation/actions/:id', {
    config: { policy: 'actions:update' },
    schema: { tags, summary: 'Mark an action done or cancelled (or reopen it)', params: IdParams, body: MeetingActionUpdateSchema, response: { 200: MeetingActionSchema } },
  }, async (request) => updateMeetingAction(await serviceContext(request), request.params.id, request.body, ifMatch(request)));
};

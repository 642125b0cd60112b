import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { walksContract as routes } from '../../contracts/walks.contract.js';
import { PHOTO_MAX_BYTES } from '../../domain/public-reports.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { receivePhoto, sendPhoto } from '../public-reports/public-reports.routes.js';
import { createChecklistItem, getChecklist, updateChecklistItem } from './checklist.service.js';
import {
  attachObservationPhoto,
  getObservationPhoto,
  getWalkReport,
  observationToInbox,
  observationToProblem,
} from './walk-report.service.js';
import { answerFollowUp, listEarlierObservations } from './walk-followups.service.js';
import { exportWalkReportPdf } from './walk-report.export.js';
import { addObservation, changeWalkStatus, createWalk, getWalk, listObservations, listWalks } from './walks.service.js';

/** Safety walks: checklist, planning, capture, photos, report and follow-up. */
export const walksRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  serve(app, routes.checklist, async ({ ctx }) => getChecklist(ctx));
  serve(app, routes.createChecklistItem, async ({ ctx, body }) => createChecklistItem(ctx, body));
  serve(app, routes.updateChecklistItem, async ({ ctx, params, body, version }) =>
    updateChecklistItem(ctx, params.id, body, version),
  );
  serve(app, routes.list, async ({ ctx }) => listWalks(ctx));
  serve(app, routes.create, async ({ ctx, body }) => createWalk(ctx, body));
  serve(app, routes.get, async ({ ctx, params }) => getWalk(ctx, params.id));
  serve(app, routes.setStatus, async ({ ctx, params, body }) => changeWalkStatus(ctx, params.id, body.status));
  serve(app, routes.observations, async ({ ctx, params }) => listObservations(ctx, params.id));
  serveHttp(app, routes.addObservation, async ({ context, params, body, reply }) => {
    const { observation, created } = await addObservation(await context(), params.id, body);
    return reply.status(created ? 201 : 200).send(observation);
  });
  serveHttp(app, routes.attachPhoto, async ({ context, params, request }) => {
    const ctx = await context();
    return attachObservationPhoto(ctx, params.id, params.observationId, () => receivePhoto(request));
  });
  serveHttp(app, routes.photo, async ({ context, params, query, reply }) =>
    sendPhoto(reply, await getObservationPhoto(await context(), params.id, params.observationId, query.size)),
  );
  serve(app, routes.report, async ({ ctx, params }) => getWalkReport(ctx, params.id));
  serveHttp(app, routes.reportPdf, async ({ context, params, reply }) => {
    const file = await exportWalkReportPdf(await context(), params.id);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return reply.type(file.contentType).send(file.body);
  });
  serve(app, routes.earlier, async ({ ctx, params }) => listEarlierObservations(ctx, params.id));
  serve(app, routes.answerFollowUp, async ({ ctx, params, body }) =>
    answerFollowUp(ctx, params.id, params.observationId, body),
  );
  serve(app, routes.toProblem, async ({ ctx, params, body }) =>
    observationToProblem(ctx, params.id, params.observationId, body.owner_unit_id),
  );
  serve(app, routes.toInbox, async ({ ctx, params }) => observationToInbox(ctx, params.id, params.observationId));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementCreateSchema, AgreementListQuerySchema, AgreementPublicTextSchema, AgreementReviewSchema, AgreementSchema, AgreementUpdateSchema,
  PublicAgreementQuerySchema, PublicAgreementSchema,
} from '../../domain/agreements.js';
import { UuidSchema } from '../../domain/common.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import {
  createAgreement, getAgreement, listAgreements, listPublicAgreements, reviewAgreement, setAgreementPublicText, updateAgreement,
} from './agreements.service.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Local agreements with the police (samverkansöverenskommelser, medborgarlöften) and their public progress page. */
export const agreementsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/agreements', {
    config: { policy: 'agreements:write' },
    schema: { tags, summary: "Record a district's agreement with the police", body: AgreementCreateSchema, response: { 201: AgreementSchema } },
  }, async (request, reply) => reply.status(201).send(await createAgreement(await serviceContext(request), request.body)));

  app.get('/agreements', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'Agreements with priority areas, activities, indicators and review status', querystring: AgreementListQuerySchema, response: { 200: z.array(AgreementSchema) } },
  }, async (request) => listAgreements(await serviceContext(request), request.query));

  app.get('/agreements/:id', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'One agreement', params: IdParams, response: { 200: AgreementSchema } },
  }, async (request) => getAgreement(await serviceContext(request), request.params.id));

  app.patch('/agreements/:id', {
    config: { policy: 'agreements:write' },
    schema: { tags, summary: 'Edit an agreement (the district only)', params: IdParams, body: AgreementUpdateSchema, response: { 200: AgreementSchema } },
  }, async (request) => updateAgreement(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.post('/agreements/:id/review', {
    config: { policy: 'agreements:write' },
    schema: { tags, summary: 'Record the six-monthly review with an assessment of every activity and indicator (409 INVALID_TRANSITION on or before the last one, or in the future)', params: IdParams, body: AgreementReviewSchema, response: { 200: AgreementSchema } },
  }, async (request) => reviewAgreement(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.put('/agreements/:id/public-text', {
    config: { policy: 'agreements:write' },
    schema: { tags, summary: 'Approve the text the public progress page shows (null withdraws it)', params: IdParams, body: AgreementPublicTextSchema, response: { 200: AgreementSchema } },
  }, async (request) => setAgreementPublicText(await serviceContext(request), request.params.id, request.body.text, ifMatch(request)));

  app.get('/public/agreements', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'Progress of local agreements: areas, activities, indicators; approved text only', querystring: PublicAgreementQuerySchema, response: { 200: z.array(PublicAgreementSchema) } },
  }, async (request) => listPublicAgreements(await serviceContext(request), request.query));
};

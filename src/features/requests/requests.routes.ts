import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import {
  ContributionRequestSchema, RequestAcceptSchema, RequestCreateSchema, RequestDeclineSchema, RequestDeliverSchema, RequestListQuerySchema,
} from '../../domain/requests.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import { answerRequest, createRequest, getRequest, listRequests } from './requests.service.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });
const response = { 200: ContributionRequestSchema };

/** Contribution requests: a district calls on a unit; the unit accepts, declines (reason) or delivers (note). */
export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/requests', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Call on another unit for a problem', body: RequestCreateSchema, response: { 201: ContributionRequestSchema } },
  }, async (request, reply) => reply.status(201).send(await createRequest(await serviceContext(request), request.body)));

  app.get('/requests', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'Requests sent or received, soonest due first', querystring: RequestListQuerySchema, response: { 200: z.array(ContributionRequestSchema) } },
  }, async (request) => listRequests(await serviceContext(request), request.query));

  app.get('/requests/:id', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'One request', params: IdParams, response },
  }, async (request) => getRequest(await serviceContext(request), request.params.id));

  app.post('/requests/:id/accept', {
    config: { policy: 'requests:answer' },
    schema: { tags, summary: 'Accept (receiving unit); 409 INVALID_TRANSITION unless requested', params: IdParams, body: RequestAcceptSchema, response },
  }, async (request) => answerRequest(await serviceContext(request), request.params.id, 'accepted', request.body.note, ifMatch(request)));

  app.post('/requests/:id/decline', {
    config: { policy: 'requests:answer' },
    schema: { tags, summary: 'Decline with a reason (receiving unit)', params: IdParams, body: RequestDeclineSchema, response },
  }, async (request) => answerRequest(await serviceContext(request), request.params.id, 'declined', request.body.reason, ifMatch(request)));

  app.post('/requests/:id/deliver', {
    config: { policy: 'requests:answer' },
    schema: { tags, summary: 'Deliver with a note (receiving unit)', params: IdParams, body: RequestDeliverSchema, response },
  }, async (request) => answerRequest(await serviceContext(request), request.params.id, 'delivered', request.body.note, ifMatch(request)));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import {
  BaselineInputSchema, EvidenceInputSchema, ProblemCreateSchema, ProblemListQuerySchema, ProblemSchema, ProblemUpdateSchema,
} from '../../domain/problems.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import { addEvidence, createProblem, getProblem, listProblems, removeEvidence, setBaseline, updateProblem } from './problems.service.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Identified problems (SARA): record, list, edit, move through stages, link and unlink evidence, set the baseline. */
export const problemsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/problems', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Record an identified problem', body: ProblemCreateSchema, response: { 201: ProblemSchema } },
  }, async (request, reply) => reply.status(201).send(await createProblem(await serviceContext(request), request.body)));

  app.get('/problems', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'Problems, newest first', querystring: ProblemListQuerySchema, response: { 200: z.array(ProblemSchema) } },
  }, async (request) => listProblems(await serviceContext(request), request.query));

  app.get('/problems/:id', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'One problem with evidence, baseline and measures', params: IdParams, response: { 200: ProblemSchema } },
  }, async (request) => getProblem(await serviceContext(request), request.params.id));

  app.patch('/problems/:id', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Edit a problem (a new area, places or categories recompute the baseline) or move it one SARA stage (409 INVALID_TRANSITION otherwise)', params: IdParams, body: ProblemUpdateSchema, response: { 200: ProblemSchema } },
  }, async (request) => updateProblem(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.post('/problems/:id/evidence', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Link evidence (incident filter, hotspot, note, document)', params: IdParams, body: EvidenceInputSchema, response: { 200: ProblemSchema } },
  }, async (request) => addEvidence(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.delete('/problems/:id/evidence/:evidence_id', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Unlink one piece of evidence', params: IdParams.extend({ evidence_id: UuidSchema }), response: { 200: ProblemSchema } },
  }, async (request) => removeEvidence(await serviceContext(request), request.params.id, request.params.evidence_id, ifMatch(request)));

  app.put('/problems/:id/baseline', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Set the baseline period; its value is computed from incidents', params: IdParams, body: BaselineInputSchema, response: { 200: ProblemSchema } },
  }, async (request) => setBaseline(await serviceContext(request), request.params.id, request.body, ifMatch(request)));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consultationsContract as routes } from '../../contracts/consultations.contract.js';
import { serve } from '../../http/serve-route.js';
import {
  getConsultationResponse,
  handleProposal,
  listMyConsultations,
  saveConsultationDraft,
  submitConsultationResponse,
} from './consultation-responses.service.js';
import { getConsultationRound, listConsultationRounds, sendOnConsultation } from './consultations.service.js';

/** Consultation rounds: the office sends and handles, the units consulted answer. */
export const consultationsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.send, async ({ ctx, params, body }) => sendOnConsultation(ctx, params.id, body));
  serve(app, routes.listRounds, async ({ ctx, params }) => listConsultationRounds(ctx, params.id));
  serve(app, routes.getRound, async ({ ctx, params }) => getConsultationRound(ctx, params.id));
  serve(app, routes.mine, async ({ ctx }) => listMyConsultations(ctx));
  serve(app, routes.getResponse, async ({ ctx, params }) => getConsultationResponse(ctx, params.id));
  serve(app, routes.saveDraft, async ({ ctx, params, body }) => saveConsultationDraft(ctx, params.id, body));
  serve(app, routes.submit, async ({ ctx, params }) => submitConsultationResponse(ctx, params.id));
  serve(app, routes.handle, async ({ ctx, params, body }) => handleProposal(ctx, params.id, params.section_key, body));
};

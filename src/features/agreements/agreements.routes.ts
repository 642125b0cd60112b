import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsContract as routes } from '../../contracts/agreements.contract.js';
import { serve } from '../../http/serve-route.js';
import {
  createAgreement,
  getAgreement,
  listAgreements,
  listPublicAgreements,
  reviewAgreement,
  setAgreementPublicText,
  updateAgreement,
} from './agreements.service.js';

/** Local agreements with the police (samverkansöverenskommelser, medborgarlöften) and their public progress page. */
export const agreementsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, body }) => createAgreement(ctx, body));
  serve(app, routes.list, async ({ ctx, query }) => listAgreements(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getAgreement(ctx, params.id));
  serve(app, routes.update, async ({ ctx, params, body, version }) => updateAgreement(ctx, params.id, body, version));
  serve(app, routes.review, async ({ ctx, params, body, version }) => reviewAgreement(ctx, params.id, body, version));
  serve(app, routes.setPublicText, async ({ ctx, params, body, version }) =>
    setAgreementPublicText(ctx, params.id, body.text, version),
  );
  serve(app, routes.listPublic, async ({ ctx, query }) => listPublicAgreements(ctx, query));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { measuresContract as routes } from '../../contracts/measures.contract.js';
import { serve } from '../../http/serve-route.js';
import {
  addFollowup,
  changeComponentStatus,
  changeMeasureStatus,
  createMeasure,
  getMeasure,
  listMeasures,
  recordFollowup,
  updateMeasure,
} from './measures.service.js';

/** Measures aimed at problems: record, edit, status transitions, components, follow-ups. */
export const measuresRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, body }) => createMeasure(ctx, body));
  serve(app, routes.list, async ({ ctx, query }) => listMeasures(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getMeasure(ctx, params.id));
  serve(app, routes.update, async ({ ctx, params, body, version }) => updateMeasure(ctx, params.id, body, version));
  serve(app, routes.changeStatus, async ({ ctx, params, body, version }) =>
    changeMeasureStatus(ctx, params.id, body.status, version),
  );
  serve(app, routes.changeComponentStatus, async ({ ctx, params, body, version }) =>
    changeComponentStatus(ctx, params.id, params.component_id, body.status, version),
  );
  serve(app, routes.addFollowup, async ({ ctx, params, body, version }) =>
    addFollowup(ctx, params.id, body.due_date, version),
  );
  serve(app, routes.recordFollowup, async ({ ctx, params, body, version }) =>
    recordFollowup(ctx, params.id, params.followup_id, body, version),
  );
};

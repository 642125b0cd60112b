import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { programmesContract as routes } from '../../contracts/programmes.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { exportManagementFile } from './management-export.service.js';
import {
  addProgrammeSection,
  moveProgrammeSection,
  removeProgrammeSection,
  updateProgrammeSection,
} from './programme-sections.service.js';
import {
  changeProgrammeStatus,
  compareProgrammeVersions,
  comparePublicProgrammeVersions,
  createProgramme,
  createProgrammeDraft,
  getProgrammeVersion,
  getPublicProgrammeVersion,
  listProgrammes,
  listPublicProgrammes,
  updateProgrammeVersion,
} from './programmes.service.js';

/** The safety programme as a governing document: versions, sections, status, comparison, public reading. */
export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx }) => listProgrammes(ctx));
  serve(app, routes.create, async ({ ctx, body }) => createProgramme(ctx, body));
  serve(app, routes.compare, async ({ ctx, query }) => compareProgrammeVersions(ctx, query.from, query.to));
  serve(app, routes.get, async ({ ctx, params }) => getProgrammeVersion(ctx, params.id));
  for (const format of ['csv', 'xlsx'] as const) {
    serveHttp(app, routes.managementExport[format], async ({ context, params, query, reply }) => {
      const file = await exportManagementFile(await context(), params.id, query, format);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
  serve(app, routes.createDraft, async ({ ctx, params, body }) => createProgrammeDraft(ctx, params.id, body));
  serve(app, routes.update, async ({ ctx, params, body }) => updateProgrammeVersion(ctx, params.id, body));
  serve(app, routes.changeStatus, async ({ ctx, params, body }) => changeProgrammeStatus(ctx, params.id, body));
  serve(app, routes.addSection, async ({ ctx, params, body }) => addProgrammeSection(ctx, params.id, body));
  serve(app, routes.updateSection, async ({ ctx, params, body, version }) =>
    updateProgrammeSection(ctx, params.id, body, version),
  );
  serve(app, routes.moveSection, async ({ ctx, params, body }) => moveProgrammeSection(ctx, params.id, body));
  serve(app, routes.removeSection, async ({ ctx, params, version }) => removeProgrammeSection(ctx, params.id, version));
  serve(app, routes.listPublic, async ({ ctx }) => listPublicProgrammes(ctx));
  serve(app, routes.comparePublic, async ({ ctx, query }) => comparePublicProgrammeVersions(ctx, query.from, query.to));
  serve(app, routes.getPublic, async ({ ctx, params }) => getPublicProgrammeVersion(ctx, params.id));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lawDocumentsContract as routes } from '../../contracts/law-documents.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { exportLawDocumentPdf } from './law-documents.pdf.js';
import {
  adoptLawDocument,
  generateLawDocument,
  getLawDocument,
  listLawDocuments,
  reviseLawDocument,
} from './law-documents.service.js';

/** Lägesbild, orsaksanalys and åtgärdsplan: drafted from data, edited as versions, adopted, as PDF. */
export const lawDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx, query }) => listLawDocuments(ctx, query));
  serve(app, routes.generate, async ({ ctx, body }) => generateLawDocument(ctx, body));
  serve(app, routes.get, async ({ ctx, params }) => getLawDocument(ctx, params.id));
  serve(app, routes.revise, async ({ ctx, params, body }) => reviseLawDocument(ctx, params.id, body));
  serve(app, routes.adopt, async ({ ctx, params, body }) => adoptLawDocument(ctx, params.id, body));
  serveHttp(app, routes.pdf, async ({ context, params, reply }) => {
    const ctx = await context();
    const file = await exportLawDocumentPdf(await getLawDocument(ctx, params.id), ctx.organisation.timeZone);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return reply.type(file.contentType).send(file.body);
  });
};

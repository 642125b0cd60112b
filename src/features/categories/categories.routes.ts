import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { categoriesContract as routes } from '../../contracts/categories.contract.js';
import { serve } from '../../http/serve-route.js';
import { createCategory, listCategories, updateCategory } from './categories.service.js';

export const categoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx }) => listCategories(ctx));
  serve(app, routes.create, async ({ ctx, body }) => createCategory(ctx, body));
  serve(app, routes.update, async ({ ctx, params, body }) => updateCategory(ctx, params.code, body));
};

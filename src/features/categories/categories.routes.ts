import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CategoryCodeSchema, CategoryCreateSchema, CategorySchema, CategoryUpdateSchema } from '../../domain/categories.js';
import { serviceContext } from '../../server/request-context.js';
import { createCategory, listCategories, updateCategory } from './categories.service.js';

const tags = ['categories'];

export const categoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/categories', { config: { policy: 'public' }, schema: { tags, summary: 'The incident category taxonomy', response: { 200: z.array(CategorySchema) } } },
    async (request) => listCategories(await serviceContext(request)));

  app.post('/categories', { config: { policy: 'categories:manage' }, schema: { tags, summary: 'Add a category (admin)', body: CategoryCreateSchema, response: { 201: CategorySchema } } },
    async (request, reply) => reply.status(201).send(await createCategory(await serviceContext(request), request.body)));

  app.patch('/categories/:code', { config: { policy: 'categories:manage' }, schema: { tags, summary: 'Edit a category (admin)', params: z.object({ code: CategoryCodeSchema }), body: CategoryUpdateSchema, response: { 200: CategorySchema } } },
    async (request) => updateCategory(await serviceContext(request), request.params.code, request.body));
};

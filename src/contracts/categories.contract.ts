import { z } from 'zod';
import {
  CategoryCodeSchema,
  CategoryCreateSchema,
  CategorySchema,
  CategoryUpdateSchema,
} from '../domain/categories.js';
import { defineRoute } from './define-route.js';

const tags = ['categories'];

export const categoriesContract = {
  list: defineRoute({
    method: 'GET',
    path: '/categories',
    policy: 'public',
    tags,
    summary: 'The incident category taxonomy',
    response: { 200: z.array(CategorySchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/categories',
    policy: 'categories:manage',
    tags,
    summary: 'Add a category (admin)',
    body: CategoryCreateSchema,
    response: { 201: CategorySchema },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/categories/:code',
    policy: 'categories:manage',
    tags,
    summary: 'Edit a category (admin)',
    params: z.object({ code: CategoryCodeSchema }),
    body: CategoryUpdateSchema,
    response: { 200: CategorySchema },
  }),
};

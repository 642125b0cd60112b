import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import { Open311ApiKeyCreateSchema, Open311ApiKeySchema } from '../domain/open311.js';
import { defineRoute } from './define-route.js';

const tags = ['open311'];

/** Admins keep the keys of trusted Open311 clients (api_key of GeoReport v2); the key is shown once, on creation. */
export const open311KeysContract = {
  list: defineRoute({
    method: 'GET',
    path: '/open311/keys',
    policy: 'open311:keys',
    tags,
    summary: 'Keys of trusted Open311 clients (never the keys themselves)',
    response: { 200: z.array(Open311ApiKeySchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/open311/keys',
    policy: 'open311:keys',
    tags,
    summary: 'Issue a key for a trusted Open311 client; the answer holds the key, once',
    body: Open311ApiKeyCreateSchema,
    response: { 201: Open311ApiKeySchema.extend({ key: z.string() }) },
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/open311/keys/:id',
    policy: 'open311:keys',
    tags,
    summary: 'Revoke a client key (404 when unknown or revoked already)',
    params: z.object({ id: UuidSchema }),
    response: { 204: z.null() },
  }),
};

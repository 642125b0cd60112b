import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import { Open311ApiKeyCreateSchema, Open311ApiKeySchema } from '../../domain/open311.js';
import { serviceContext } from '../../server/request-context.js';
import { createApiKey, listApiKeys, revokeApiKey } from './open311-keys.service.js';

const tags = ['open311'];

/** Admins keep the keys of trusted Open311 clients (api_key of GeoReport v2); the key is shown once, on creation. */
export const open311KeysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/open311/keys', {
    config: { policy: 'open311:keys' },
    schema: { tags, summary: 'Keys of trusted Open311 clients (never the keys themselves)', response: { 200: z.array(Open311ApiKeySchema) } },
  }, async (request) => listApiKeys(await serviceContext(request)));

  app.post('/open311/keys', {
    config: { policy: 'open311:keys' },
    schema: { tags, summary: 'Issue a key for a trusted Open311 client; the answer holds the key, once', body: Open311ApiKeyCreateSchema, response: { 201: Open311ApiKeySchema.extend({ key: z.string() }) } },
  }, async (request, reply) => reply.status(201).send(await createApiKey(await serviceContext(request), request.body)));

  app.delete('/open311/keys/:id', {
    config: { policy: 'open311:keys' },
    schema: { tags, summary: 'Revoke a client key (404 when unknown or revoked already)', params: z.object({ id: UuidSchema }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await revokeApiKey(await serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};

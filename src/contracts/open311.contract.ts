import { z } from 'zod';
import {
  OPEN311_MAX_PAGE_SIZE,
  Open311FormatSchema,
  Open311JurisdictionQuerySchema,
  Open311PostSchema,
  Open311RequestQuerySchema,
} from '../domain/open311.js';
import { ANONYMOUS_REPORT_LIMIT } from '../domain/public-reports.js';
import { defineRoute } from './define-route.js';

const tags = ['open311'];
const mount = '/open311/v2';
const Format = z.object({ format: Open311FormatSchema });
const Jurisdiction = Open311JurisdictionQuerySchema;
// Reading is public whoever calls: public-tier incidents only, without text; a page holds at most 100.
const readLimit = { max: 60, timeWindow: '1 minute' };

/** Open311 GeoReport v2; jurisdiction_id names the organisation (default: the server's). Answers XML or JSON by the path. */
export const open311Contract = {
  discovery: defineRoute({
    mount,
    method: 'GET',
    path: '/discovery.:format',
    policy: 'public',
    tags,
    summary: 'Discovery',
    params: Format,
  }),
  services: defineRoute({
    mount,
    method: 'GET',
    path: '/services.:format',
    policy: 'public',
    tags,
    summary: 'Service list',
    params: Format,
    query: Jurisdiction,
  }),
  service: defineRoute({
    mount,
    method: 'GET',
    path: '/services/:code.:format',
    policy: 'public',
    tags,
    summary: 'Service definition',
    params: Format.extend({ code: z.string().max(60) }),
    query: Jurisdiction,
  }),
  requests: defineRoute({
    mount,
    method: 'GET',
    path: '/requests.:format',
    policy: 'public',
    rateLimit: readLimit,
    tags,
    summary: `Service requests of the public tier, newest first; page_size at most ${OPEN311_MAX_PAGE_SIZE}, page from 1`,
    params: Format,
    query: Open311RequestQuerySchema,
  }),
  /** Counted by the server's one report limit, shared with the public form; more with an api_key. */
  create: defineRoute({
    mount,
    method: 'POST',
    path: '/requests.:format',
    policy: 'public',
    tags,
    summary: `Create a service request (${ANONYMOUS_REPORT_LIMIT.max} per address in ${ANONYMOUS_REPORT_LIMIT.timeWindow}, public form reports included; more with an api_key)`,
    params: Format,
    body: Open311PostSchema,
  }),
  request: defineRoute({
    mount,
    method: 'GET',
    path: '/requests/:id.:format',
    policy: 'public',
    rateLimit: readLimit,
    tags,
    summary: 'One service request (404 unless of the public tier)',
    params: Format.extend({ id: z.string().max(60) }),
    query: Jurisdiction,
  }),
};

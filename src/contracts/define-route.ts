import type { z } from 'zod';
import type { Policy } from '../domain/policies.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route, declared once: the server registers it from this (src/server/serve-route.ts) and the web calls
 * it through it (src/web/api/call.ts), so path, method, inputs and answer cannot drift apart. Only data here —
 * no HTTP framework — so server, web and CLI can all import it.
 */
export interface RouteContract {
  method: HttpMethod;
  /** Where the server mounts the route's plugin; /api unless said. */
  mount?: string;
  /** Below the mount point, Fastify syntax: '/places/:id'. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Media types of the body other than JSON: ['multipart/form-data'] for a file upload. */
  consumes?: readonly string[];
  /** Status → schema of the answer; the one 2xx status is what a successful call answers with. */
  response?: Partial<Record<number, z.ZodType>>;
  /** The success status of a route that declares no answer schema for it (204: no content). */
  status?: 201 | 202 | 204;
  /** Who may call it (domain/policies.ts); checked before the body is read. */
  policy: Policy;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** A write that takes the version it was made from as If-Match (409 when the record changed since). */
  ifMatch?: true;
  /** Calls allowed per client address and window; more answer 429. */
  rateLimit?: { max: number; timeWindow: string };
  /** Usable by an account that must change its password first. */
  allowDuringPasswordChange?: true;
  /** Answer uncompressed (the handler compresses, or streams). */
  compress?: false;
}

/** Declares a route; `const` keeps the literal path and the exact schemas in the type. */
export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

type Schema<C, K extends 'params' | 'query' | 'body'> = C extends Record<K, infer S extends z.ZodType> ? S : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;
type SuccessSchema<C extends RouteContract> = C['response'] extends infer R extends Partial<Record<number, z.ZodType>>
  ? R[Extract<keyof R, SuccessStatus>]
  : undefined;

/** The parsed params, query and body a handler of the route receives. */
export interface ParsedInput<C extends RouteContract> {
  params: Schema<C, 'params'> extends z.ZodType ? z.output<Schema<C, 'params'>> : undefined;
  query: Schema<C, 'query'> extends z.ZodType ? z.output<Schema<C, 'query'>> : undefined;
  body: Schema<C, 'body'> extends z.ZodType ? z.output<Schema<C, 'body'>> : undefined;
}

/** What a handler returns for a successful call (before serialisation). */
export type HandlerResult<C extends RouteContract> =
  // biome-ignore lint/suspicious/noConfusingVoidType: a route without a body is answered by a handler that returns nothing
  SuccessSchema<C> extends z.ZodType ? z.input<SuccessSchema<C>> : void;

/** What a caller receives for a successful call. */
export type RouteResult<C extends RouteContract> =
  // biome-ignore lint/suspicious/noConfusingVoidType: a route without a body is answered by a handler that returns nothing
  SuccessSchema<C> extends z.ZodType ? z.output<SuccessSchema<C>> : void;

/** The status of a successful call: `status`, else the one 2xx status the contract lists, else 200. */
export function successStatus(contract: RouteContract): number {
  if (contract.status) return contract.status;
  const statuses = Object.keys(contract.response ?? {})
    .map(Number)
    .filter((s) => s >= 200 && s < 300);
  return statuses[0] ?? 200;
}

// A comma-separated list may be passed as an array (joined on the way out, checked by the server), and a
// parsed boolean or number as itself: both become the same text in the URL.
type QueryField<In, Out> =
  | In
  | (Out extends readonly unknown[] ? readonly string[] : Out extends boolean | number ? Out : never);
/** A query as a caller writes it: each field as the schema reads it from the URL, lists as arrays, flags as booleans. */
export type CallQuery<S extends z.ZodType> = {
  [K in keyof z.input<S>]?: QueryField<z.input<S>[K], K extends keyof z.output<S> ? z.output<S>[K] : never> | undefined;
};

/** What a caller passes: the route's params, query and body, each only where the route has one. */
export type CallInput<C extends RouteContract> = (Schema<C, 'params'> extends z.ZodType
  ? { params: z.input<Schema<C, 'params'>> }
  : { params?: undefined }) &
  (Schema<C, 'query'> extends z.ZodType ? { query?: CallQuery<Schema<C, 'query'>> } : { query?: undefined }) &
  (Schema<C, 'body'> extends z.ZodType
    ? { body: z.input<Schema<C, 'body'>> }
    : C extends { consumes: readonly ['multipart/form-data'] }
      ? { body: FormData }
      : { body?: undefined }) &
  (C extends { ifMatch: true } ? { version?: number | undefined } : { version?: undefined }) & {
    signal?: AbortSignal | undefined;
  };

/** The query a caller may pass to a route. */
export type QueryOf<C extends RouteContract> = NonNullable<CallInput<C>['query']>;

/** The formats a report is exported in, one route each. */
export type ExportFormat = 'pdf' | 'xlsx';

/** One route per export format, made by `make`. */
export function perFormat<R>(make: (format: ExportFormat) => R): Record<ExportFormat, R> {
  return { pdf: make('pdf'), xlsx: make('xlsx') };
}

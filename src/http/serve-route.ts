import type {
  FastifyBaseLogger,
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteShorthandOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type HandlerResult, type ParsedInput, type RouteContract, successStatus } from '../contracts/define-route.js';
import type { Organisation } from '../domain/org.js';
import type { ServiceContext } from '../core/context.js';
import { ifMatch, serviceContext } from './request-context.js';

/** A Fastify instance (or plugin scope) with the zod type provider, as features' route plugins receive it. */
type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RequestContext = ServiceContext & { organisationRecord: Organisation };

/** What a handler of `serve` receives: the request's service context, its parsed input and its If-Match. */
export type ServeInput<C extends RouteContract> = ParsedInput<C> & {
  ctx: RequestContext;
  /** The version the write was made from (If-Match), for contracts with `ifMatch`. */
  version: C extends { ifMatch: true } ? number | undefined : undefined;
};

/** What a handler of `serveHttp` receives: the parsed input and the request and reply themselves. */
export type ServeHttpInput<C extends RouteContract> = ParsedInput<C> & {
  request: FastifyRequest;
  reply: FastifyReply;
  /** The request's service context, built on demand; for the organisation named, else the request's. */
  context: (organisationSlug?: string) => Promise<RequestContext>;
  /** The If-Match version, read on demand (BAD_REQUEST when malformed). */
  version: () => number | undefined;
};

/** Route options only the server knows: hooks and rate-limit details that are functions of the request. */
export interface ServerOptions {
  config?: FastifyContextConfig;
  preValidation?: RouteShorthandOptions['preValidation'];
}

function routeOptions(contract: RouteContract, server: ServerOptions = {}) {
  const { policy, rateLimit, allowDuringPasswordChange, compress } = contract;
  const { config: serverConfig = {}, ...hooks } = server;
  return {
    method: contract.method,
    url: contract.path,
    config: {
      ...serverConfig,
      policy,
      ...(allowDuringPasswordChange ? { allowDuringPasswordChange } : {}),
      ...(compress === false ? { compress } : {}),
      ...(rateLimit || serverConfig.rateLimit ? { rateLimit: { ...rateLimit, ...serverConfig.rateLimit } } : {}),
    },
    ...hooks,
    schema: {
      tags: [...contract.tags],
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      ...(contract.consumes ? { consumes: [...contract.consumes] } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.response ? { response: contract.response } : {}),
    },
  };
}

function parsedInput<C extends RouteContract>(request: FastifyRequest): ParsedInput<C> {
  return { params: request.params, query: request.query, body: request.body } as ParsedInput<C>;
}

/**
 * Registers a contract's route with a handler that takes a ready service context and the parsed input and
 * returns the answer's body; the contract's success status (201, 204) is set here.
 */
export function serve<const C extends RouteContract>(
  app: App,
  contract: C,
  handler: (input: ServeInput<C>) => Promise<HandlerResult<C>>,
  server?: ServerOptions,
): void {
  const status = successStatus(contract);
  app.route({
    ...routeOptions(contract, server),
    handler: async (request, reply) => {
      const ctx = await serviceContext(request);
      const version = (contract.ifMatch ? ifMatch(request) : undefined) as ServeInput<C>['version'];
      const result = await handler({ ...parsedInput<C>(request), ctx, version });
      return status === 200 ? result : reply.status(status).send(result);
    },
  });
}

/**
 * Registers a contract's route whose handler needs the HTTP exchange itself: headers, cookies, files,
 * redirects, multipart. The handler answers as a Fastify handler does.
 */
export function serveHttp<const C extends RouteContract>(
  app: App,
  contract: C,
  handler: (input: ServeHttpInput<C>) => Promise<unknown>,
  server?: ServerOptions,
): void {
  app.route({
    ...routeOptions(contract, server),
    handler: async (request, reply) =>
      handler({
        ...parsedInput<C>(request),
        request,
        reply,
        context: (organisationSlug) => serviceContext(request, organisationSlug),
        version: () => ifMatch(request),
      }),
  });
}

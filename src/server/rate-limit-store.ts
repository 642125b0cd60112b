import { createRequire } from 'node:module';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
/** The plugin calls `incr(key, callback, timeWindow, max)`; its types name only the first two. */
interface RedisStore {
  incr(key: string, callback: Callback, ...limits: number[]): void;
}
/** The plugin's own Redis store (one atomic Lua script per count); it is not part of the package's typed API. */
const PluginRedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  key: string,
) => RedisStore;

/** The plugin's prefix, kept so the counters of per-route limits keep their names. */
export const RATE_LIMIT_KEY_PREFIX = 'fastify-rate-limit-';

interface LimiterParams {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  groupId?: string;
  routeInfo?: { method?: string; url?: string };
}

/**
 * The rate-limit plugin's Redis store, with a name for limiters shared by several routes. The plugin names a
 * route's counters by its method and URL; a limiter made with `app.rateLimit()` has no route, and the plugin
 * named its counters `…undefinedundefined-`. Here such a limiter is named by its `groupId` instead (the
 * plugin's word for routes that share one counter), and one without a name is refused at start.
 */
export function redisRateLimitStore(redis: Redis): FastifyRateLimitStoreCtor {
  class Store implements FastifyRateLimitStore {
    private readonly inner: RedisStore;
    constructor(params: LimiterParams, key = RATE_LIMIT_KEY_PREFIX) {
      this.inner = new PluginRedisStore(
        params.continueExceeding === true,
        params.exponentialBackoff === true,
        redis,
        key,
      );
    }
    incr(key: string, callback: Callback, ...limits: number[]): void {
      this.inner.incr(key, callback, ...limits);
    }
    child(routeOptions: unknown): FastifyRateLimitStore {
      const params = routeOptions as LimiterParams;
      const route = params.routeInfo?.url
        ? `${params.routeInfo.method}${params.routeInfo.url}`
        : params.groupId && `group:${params.groupId}`;
      if (!route) throw new Error('a rate limiter shared by several routes needs a groupId to name its counters');
      return new Store(params, `${RATE_LIMIT_KEY_PREFIX}${route}-`);
    }
  }
  return Store as unknown as FastifyRateLimitStoreCtor;
}

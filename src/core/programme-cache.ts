import { today } from '../domain/calendar/index.js';
import type { Principal } from '../domain/auth.js';
import type { ServiceContext } from './context.js';
import { readProgrammeVersions } from './data-versions.repo.js';
import { createLru } from './lru.js';

const cache = createLru<unknown>(512);

/**
 * What decides which records and texts a caller sees: tiers and free text follow from roles per unit (and an
 * API token's scopes), so callers with the same memberships share entries.
 */
function callerSignature(principal: Principal): string {
  if (principal.kind !== 'user') return principal.kind;
  const memberships = principal.memberships.map((m) => `${m.unitId}:${m.role}`).sort();
  return `${memberships.join(',')}|${principal.scopes?.join(',') ?? '-'}`;
}

/**
 * A programme answer (a view, the problem list) from the process's cache, computed on a miss. Keyed by what it
 * depends on: the organisation, `name` (the view and its arguments), the data versions every write bumps in
 * its own transaction, the organisation's time zone (local days) and today's date (overdue flags) and the caller's signature. Inside a transaction nothing
 * is cached: what it reads may yet be rolled back.
 */
export async function cachedProgramme<T>(ctx: ServiceContext, name: string, compute: () => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return compute();
  const key = [
    ctx.organisation.id,
    name,
    await readProgrammeVersions(ctx.db, ctx.organisation.id),
    ctx.organisation.timeZone,
    today(ctx.organisation.timeZone),
    callerSignature(ctx.principal),
  ].join('|');
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = await compute();
  cache.set(key, value);
  return value;
}

import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { Open311ApiKey, Open311ApiKeyCreate } from '../../domain/open311.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { findApiKey, insertApiKey, listApiKeys as listKeyRows, revokeApiKey as revokeKeyRow } from './open311.repo.js';

/** Recognisable in logs and by secret scanners; only the hash of the whole key is stored. */
const KEY_PREFIX = 'trygg311_';
/** What newSecret(KEY_PREFIX) makes: anything else is refused without asking the database. */
const KEY_FORMAT = /^trygg311_[A-Za-z0-9_-]{43}$/;

const toKey = (r: {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): Open311ApiKey => ({
  id: r.id,
  name: r.name,
  created_at: new Date(r.created_at).toISOString(),
  last_used_at: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
  revoked_at: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

/** Issues a key for a trusted Open311 client; the key itself is in this answer only. Audited. */
export async function createApiKey(
  ctx: ServiceContext,
  input: Open311ApiKeyCreate,
): Promise<Open311ApiKey & { key: string }> {
  const key = newSecret(KEY_PREFIX);
  return inTransaction(ctx.db, async (trx) => {
    const row = await insertApiKey(trx, {
      organisation_id: ctx.organisation.id,
      name: input.name,
      key_hash: hashSecret(key),
      created_by: ctx.actor,
    });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'open311_api_key',
      entityId: row.id,
    });
    return { ...toKey(row), key };
  });
}

/** The organisation's client keys, revoked ones included (never the keys themselves). */
export async function listApiKeys(ctx: ServiceContext): Promise<Open311ApiKey[]> {
  return (await listKeyRows(ctx.db, ctx.organisation.id)).map(toKey);
}

/** Revokes a key (NOT_FOUND when unknown or revoked already). Audited. */
export async function revokeApiKey(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await revokeKeyRow(trx, ctx.organisation.id, id, new Date())))
      throw new AppError('NOT_FOUND', { details: { entity: 'open311_api_key', id } });
    await auditChange(trx, ctx, {
      action: 'delete',
      entityType: 'open311_api_key',
      entityId: id,
      after: { revoked: true },
    });
  });
}

/**
 * The trusted client an `api_key` names in the organisation, or null for a malformed, unknown, revoked or other
 * organisation's key. Only reads: the use is noted with the report it files (createServiceRequest).
 */
export async function trustedClient(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  apiKey: string,
): Promise<{ id: string; name: string } | null> {
  if (!KEY_FORMAT.test(apiKey)) return null;
  return (await findApiKey(ctx.db, ctx.organisation.id, hashSecret(apiKey))) ?? null;
}

import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../db/schema.js';
import type { Principal } from '../domain/auth.js';
import { AppError } from '../domain/errors.js';
import type { Organisation } from '../domain/org.js';
import type { ServiceContext } from './context.js';
import { findOrganisationBySlug } from './tenancy.repo.js';

export interface ContextOptions {
  /** How the audit log names the actor; by default the user's e-mail, or the principal's kind. */
  actor?: string | undefined;
  /** By default warnings and errors go to stderr, as a command's do. */
  log?: ServiceContext['log'] | undefined;
  remoteAddress?: string | undefined;
  /** The read replica this context's heavy reads may use (ServiceContext.readDb). */
  readDb?: Kysely<Database> | undefined;
}

// Organisations are created, never renamed or deleted, so a slug's row can be kept once found (per database).
const organisationsByDb = new WeakMap<Kysely<Database>, Map<string, Organisation>>();

async function organisationBySlug(db: Kysely<Database>, slug: string): Promise<Organisation> {
  let organisations = organisationsByDb.get(db);
  if (!organisations) organisationsByDb.set(db, (organisations = new Map()));
  let organisation = organisations.get(slug);
  if (!organisation) {
    organisation = await findOrganisationBySlug(db, slug);
    if (!organisation) throw new AppError('UNKNOWN_ORGANISATION', { details: { organisation: slug } });
    organisations.set(slug, organisation);
  }
  return organisation;
}

let commandLog: ServiceContext['log'] | undefined;

/**
 * The service context in which `principal` acts for the organisation named by `slug`, the same for a request,
 * a command and a background job. UNKNOWN_ORGANISATION for a slug without one; FORBIDDEN for a user of
 * another organisation, since an account belongs to one organisation and must not act in another by naming it.
 */
export async function contextFor(
  db: Kysely<Database>,
  slug: string,
  principal: Principal,
  options: ContextOptions = {},
): Promise<ServiceContext & { organisationRecord: Organisation }> {
  const organisation = await organisationBySlug(db, slug);
  if (principal.kind === 'user' && principal.organisationId !== organisation.id)
    throw new AppError('FORBIDDEN', { details: { organisation: slug } });
  return {
    db,
    readDb: options.readDb,
    organisation: { id: organisation.id, slug: organisation.slug, timeZone: organisation.time_zone },
    organisationRecord: organisation,
    principal,
    actor: options.actor ?? (principal.kind === 'user' ? principal.email : principal.kind),
    remoteAddress: options.remoteAddress,
    log: options.log ?? (commandLog ??= pino({ level: 'warn' }, pino.destination(2))),
  };
}

import { beforeAll, expect, it } from 'vitest';
import pino from 'pino';
import type { ServiceContext } from '../../core/context.js';
import { SYSTEM } from '../../domain/auth.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { seedStockholm } from '../seed/seed.service.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { getRetentionOverview, runRetention } from './gdpr.service.js';

// Three years on, everything the seed and the rows below wrote is past every rule's period.
const NOW = new Date(Date.now() + 3 * 365 * 86_400_000);
const OLD = new Date();

describeEachEngine('a dry run of retention counts exactly what the run then removes', (getDb) => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    const db = getDb().db;
    const { organisation } = await seedStockholm(db, { demoIncidents: 60, police: false });
    ctx = {
      db,
      organisation: { ...organisation, timeZone: 'Europe/Stockholm' },
      principal: SYSTEM,
      actor: 'retention-job',
      log: pino({ level: 'silent' }),
    };
    const orgId = organisation.id;
    const user = await db
      .insertInto('users')
      .values({
        organisation_id: orgId,
        email: 'gammal@example.se',
        display_name: 'Gammal',
        password_hash: null,
        oidc_issuer: null,
        oidc_subject: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++)
      await db
        .insertInto('sessions')
        .values({
          organisation_id: orgId,
          token_hash: hashSecret(newSecret()),
          user_id: user.id,
          csrf_token: 'c',
          expires_at: OLD,
          remote_address: null,
          user_agent: null,
        })
        .execute();
    await db
      .insertInto('sign_in_throttle')
      .values([
        {
          organisation_id: orgId,
          email: 'a@example.se',
          address: '192.0.2.1',
          failed_at: OLD,
          blocked_until: null,
          succeeded_at: null,
        },
        {
          organisation_id: orgId,
          email: 'b@example.se',
          address: '192.0.2.2',
          failed_at: null,
          blocked_until: null,
          succeeded_at: OLD,
        },
      ])
      .execute();
    for (let i = 0; i < 2; i++)
      await db
        .insertInto('import_runs')
        .values({
          organisation_id: orgId,
          profile_id: null,
          actor: 'test',
          file_name: 'anmälningar.csv',
          file_sha256: '0'.repeat(64),
          file_size: 1,
          dry_run: true,
          status: 'validated',
          started_at: OLD,
          finished_at: OLD,
          report: { errors: [] },
        })
        .execute();
    await db
      .insertInto('outbox_messages')
      .values(
        (['sent', 'failed', 'pending'] as const).map((state) => ({
          organisation_id: orgId,
          recipient: 'anna@example.se',
          kind: 'contact_confirmation',
          subject: 's',
          body: 'b',
          incident_id: null,
          created_at: OLD,
          sent_at: state === 'sent' ? OLD : null,
          failed_at: state === 'failed' ? OLD : null,
        })),
      )
      .execute();
  }, 240_000);

  it('for every rule, and a second dry run afterwards finds nothing', async () => {
    const dry = await runRetention(ctx, { dryRun: true, now: NOW });
    const counts = Object.fromEntries(dry.results.map((r) => [r.target, r.affected]));
    // The rows above, and the seed's incidents with free text: the comparison is not between zeros.
    expect(counts).toMatchObject({ session: 3, sign_in_throttle: 2, import_report: 2, outbox_message: 2 });
    expect(counts.incident_free_text).toBeGreaterThan(0);
    const real = await runRetention(ctx, { dryRun: false, now: NOW });
    expect(Object.fromEntries(real.results.map((r) => [r.target, r.affected]))).toEqual(counts);
    const after = await runRetention(ctx, { dryRun: true, now: NOW });
    expect(after.results.every((r) => r.affected === 0)).toBe(true);
  });

  it('the overview shows the rules, the dry run and the last run with what it removed, by the daily job', async () => {
    const overview = await getRetentionOverview(ctx, NOW);
    expect(overview.rules.map((r) => r.target)).toEqual(overview.preview.results.map((r) => r.target));
    expect(overview.preview.dry_run).toBe(true);
    expect(overview.runs[0]).toMatchObject({ automatic: true, actor_name: null, actor: 'retention-job' });
    expect(overview.runs[0]!.results.find((r) => r.target === 'session')).toEqual({ target: 'session', affected: 3 });
  });
});

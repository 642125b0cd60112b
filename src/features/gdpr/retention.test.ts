import { beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.js';
import { seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { runRetention } from './gdpr.service.js';

const NOW = new Date('2027-06-01T00:00:00Z');
const OLD = new Date('2026-05-01T00:00:00Z');
const RECENT = new Date('2027-05-01T00:00:00Z');

describeEachEngine('retention of import reports, sent messages and abandoned release drafts', (getDb) => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
  });

  const run = (finishedAt: Date) =>
    ctx.db
      .insertInto('import_runs')
      .values({
        organisation_id: ctx.organisation.id,
        profile_id: null,
        actor: 'test',
        file_name: 'anmälningar.csv',
        file_sha256: '0'.repeat(64),
        file_size: 1,
        dry_run: true,
        status: 'validated',
        started_at: finishedAt,
        finished_at: finishedAt,
        report: { errors: [{ message: "'Hos Anna' is not a known place" }] },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const message = (createdAt: Date, state: 'sent' | 'failed' | 'pending') =>
    ctx.db
      .insertInto('outbox_messages')
      .values({
        organisation_id: ctx.organisation.id,
        recipient: 'anna@example.se',
        kind: 'contact_confirmation',
        subject: 's',
        body: 'b',
        incident_id: null,
        created_at: createdAt,
        sent_at: state === 'sent' ? createdAt : null,
        failed_at: state === 'failed' ? createdAt : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  it('clears reports and file names of runs older than a year, deletes old sent and given-up messages, keeps the rest', async () => {
    const [oldRun, newRun] = [await run(OLD), await run(RECENT)];
    const [sent, failed, waiting, recent] = [
      await message(OLD, 'sent'),
      await message(OLD, 'failed'),
      await message(OLD, 'pending'),
      await message(RECENT, 'sent'),
    ];
    const dry = await runRetention(ctx, { dryRun: true, now: NOW });
    const affected = (r: typeof dry, target: string) => r.results.find((x) => x.target === target)?.affected;
    expect([affected(dry, 'import_report'), affected(dry, 'outbox_message')]).toEqual([1, 2]);
    const real = await runRetention(ctx, { dryRun: false, now: NOW });
    expect([affected(real, 'import_report'), affected(real, 'outbox_message')]).toEqual([1, 2]);

    const runs = await ctx.db
      .selectFrom('import_runs')
      .select(['id', 'file_name', 'report', 'rows_read'])
      .where('id', 'in', [oldRun.id, newRun.id])
      .execute();
    expect(runs.find((r) => r.id === oldRun.id)).toMatchObject({ file_name: '', report: null });
    expect(runs.find((r) => r.id === newRun.id)).toMatchObject({ file_name: 'anmälningar.csv' });
    const left = (
      await ctx.db
        .selectFrom('outbox_messages')
        .select('id')
        .where('id', 'in', [sent.id, failed.id, waiting.id, recent.id])
        .execute()
    ).map((m) => m.id);
    expect(left.sort()).toEqual([waiting.id, recent.id].sort());
  });

  it('deletes release drafts no one has changed for a month, with their copy of the records, and keeps those in review', async () => {
    const draft = (updatedAt: Date) =>
      ctx.db
        .insertInto('records_release_drafts')
        .values({
          organisation_id: ctx.organisation.id,
          request_ref: 'KS 2027/1',
          recipient: 'Anna Andersson',
          record_type: 'problem',
          format: 'pdf',
          records: { records: [] },
          marks: { marks: [] },
          created_by: 'test',
          created_at: OLD,
          updated_at: updatedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const [abandoned, inReview] = [
      await draft(new Date('2027-04-20T00:00:00Z')),
      await draft(new Date('2027-05-15T00:00:00Z')),
    ];
    const dry = await runRetention(ctx, { dryRun: true, now: NOW });
    expect(dry.results.find((r) => r.target === 'release_draft')).toEqual({
      target: 'release_draft',
      cutoff: '2027-05-01T00:00:00.000Z',
      affected: 1,
    });
    expect(
      await ctx.db.selectFrom('records_release_drafts').select('id').where('id', '=', abandoned.id).executeTakeFirst(),
    ).toBeDefined();
    const real = await runRetention(ctx, { dryRun: false, now: NOW });
    expect(real.results.find((r) => r.target === 'release_draft')?.affected).toBe(1);
    const left = (
      await ctx.db
        .selectFrom('records_release_drafts')
        .select('id')
        .where('id', 'in', [abandoned.id, inReview.id])
        .execute()
    ).map((d) => d.id);
    expect(left).toEqual([inReview.id]);
  });
});

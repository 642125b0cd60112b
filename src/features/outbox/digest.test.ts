import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { createUser } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident, updateIncidentStatus } from '../incidents/incidents.service.js';
import { type DigestItem, weeklyDigestMessage } from './outbox-messages.js';
import { writeWeeklyDigests } from './outbox.service.js';

describe('weekly digest text', () => {
  const item = (over: Partial<DigestItem>): DigestItem => ({
    receiptCode: null,
    categoryLabel: 'Klotter',
    where: 'Högdalens centrum',
    status: 'new',
    closureReason: null,
    forwardedTo: null,
    reportedOn: '2026-11-17',
    ...over,
  });

  it('counts per status, then lists each report with what became of it', () => {
    const text = weeklyDigestMessage('Polisen Söderort', '2026-W47', [
      item({ status: 'closed', closureReason: 'fixed', reportedOn: '2026-11-18' }),
      item({
        categoryLabel: 'Trasig belysning',
        where: null,
        status: 'closed',
        closureReason: 'not_ours',
        forwardedTo: 'Trafiknämnden',
      }),
      item({ status: 'closed', closureReason: 'fixed' }),
    ]);
    expect(text.subject).toBe('Veckosammanställning 2026-W47: 3 rapporter från Polisen Söderort');
    expect(text.body.split('\n').filter((l) => /^ {2}\d|^- /.test(l))).toEqual([
      '  2 avslutad – åtgärdad',
      '  1 avslutad – inte stadens ansvar, skickad vidare till Trafiknämnden',
      '- 2026-11-17 Klotter, Högdalens centrum: avslutad – åtgärdad',
      '- 2026-11-17 Trasig belysning: avslutad – inte stadens ansvar, skickad vidare till Trafiknämnden',
      '- 2026-11-18 Klotter, Högdalens centrum: avslutad – åtgärdad',
    ]);
  });
});

describeEachEngine('weekly digest for EST partners', (getDb) => {
  let ctx: ServiceContext;
  let org: TestOrganisation;
  let police = '';

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'digest');
    ctx = testContext(db, org.organisation);
    const unit = (slug: string, kind: 'partner' | 'specialist') =>
      db
        .insertInto('units')
        .values({
          organisation_id: org.organisation.id,
          slug,
          name: slug,
          name_en: null,
          kind,
          valid_from: null,
          valid_to: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    police = (await unit('polisen', 'partner')).id;
    const culture = (await unit('kultur', 'specialist')).id;
    await createUser(db, org.organisation.id, police, 'partner_viewer', 'a@polisen.example');
    await createUser(db, org.organisation.id, police, 'partner_viewer', 'b@polisen.example');
    const report = async (unitId: string, reportedAt: string) => {
      const i = await createIncident(ctx, {
        occurred_at: '2026-11-16T20:00:00+01:00',
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
        source: 'partner',
        reporting_unit_id: unitId,
      });
      await db.updateTable('incidents').set({ reported_at: reportedAt }).where('id', '=', i.id).execute();
      return i.id;
    };
    await updateIncidentStatus(ctx, await report(police, '2026-11-17T09:00:00+01:00'), {
      status: 'closed',
      closure_reason: 'fixed',
      note: 'Sanerat av Anna',
    });
    await report(police, '2026-11-22T23:30:00+01:00');
    await report(police, '2026-11-23T00:30:00+01:00'); // Monday of W48 in Stockholm
    await report(culture, '2026-11-18T09:00:00+01:00'); // not a partner unit
  }, 120_000);

  const digests = () =>
    getDb()
      .db.selectFrom('outbox_messages')
      .selectAll()
      .where('kind', '=', 'weekly_digest')
      .orderBy('recipient')
      .execute();

  it("writes one message per account of each partner unit that reported in the week, with the week's reports only", async () => {
    const [result] = await writeWeeklyDigests(ctx, '2026-W47');
    expect(result).toEqual({
      unit_id: police,
      unit_name: 'polisen',
      reports: 2,
      recipients: 2,
      written: 2,
      already_written: false,
    });
    const rows = await digests();
    expect(rows.map((r) => [r.recipient, r.unit_id, r.week])).toEqual([
      ['a@polisen.example', police, '2026-W47'],
      ['b@polisen.example', police, '2026-W47'],
    ]);
    expect(rows[0]!.body).toContain('- 2026-11-17 Klotter, Södra biblioteket: avslutad – åtgärdad');
    expect(rows[0]!.body).toContain('- 2026-11-22 Klotter, Södra biblioteket: mottagen');
    expect(rows[0]!.body).not.toContain('Anna');
  });

  it('is idempotent per week and unit', async () => {
    const [again] = await writeWeeklyDigests(ctx, '2026-W47');
    expect(again).toMatchObject({ written: 0, already_written: true });
    expect(await digests()).toHaveLength(2);
    expect((await writeWeeklyDigests(ctx, '2026-W48'))[0]).toMatchObject({ reports: 1, written: 2 });
    expect(await writeWeeklyDigests(ctx, '2026-W40')).toEqual([]);
  });
});

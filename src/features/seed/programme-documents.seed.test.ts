import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { ANONYMOUS } from '../../domain/auth.js';
import type { ServiceContext } from '../../core/context.js';
import { compareProgrammeVersions, listProgrammes } from '../programmes/programmes.service.js';
import { getConsultationRound, listConsultationRounds } from '../consultations/consultations.service.js';
import { SYSTEM } from '../../domain/auth.js';
import { getCompiledReport } from '../reporting/compiled-report.service.js';
import { getPeriodOverview, listReportingPeriods } from '../reporting/reporting-periods.service.js';
import { seedStockholm } from './seed.service.js';

describeEachEngine('demo seed: the 2018–2021 and 2020–2023 programmes', (getDb) => {
  let ctx: ServiceContext;

  beforeAll(async () => {
    const report = await seedStockholm(getDb().db, {
      demoIncidents: 0,
      police: false,
      now: new Date('2026-11-25T12:00:00Z'),
    });
    ctx = {
      db: getDb().db,
      organisation: { ...report.organisation, timeZone: 'Europe/Stockholm' },
      principal: ANONYMOUS,
      actor: 'anonymous',
      log: pino({ level: 'silent' }),
    };
  });

  it('has 2020–2023 adopted under KS 2020/1939, replacing 2018–2021', async () => {
    const [programme] = await listProgrammes(ctx);
    expect(programme!.versions.map((v) => [v.period_from, v.period_to, v.status, v.decision_ref])).toEqual([
      [2020, 2023, 'adopted', 'KS 2020/1939'],
      [2018, 2021, 'replaced', expect.any(String)],
    ]);
    expect(programme!.versions[0]!.replaces?.id).toBe(programme!.versions[1]!.id);
  });

  it('shows what changed: offentlig miljö widened to indoor public rooms, a sub-goal and a responsibility added', async () => {
    const [programme] = await listProgrammes(ctx);
    const [newer, older] = programme!.versions;
    const diff = await compareProgrammeVersions(ctx, older!.id, newer!.id);
    const changed = diff.sections.filter((s) => s.change !== 'unchanged');
    expect(changed.map((s) => `${s.kind} ${s.change}`).sort()).toEqual([
      'definition changed',
      'responsibility added',
      'sub_goal added',
      'sub_goal changed',
    ]);
    const definition = changed.find((s) => s.kind === 'definition')!;
    expect(
      definition.body
        .filter((p) => p.op === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('bibliotek, arkivens läsesalar');
  });

  it('keeps the 2020–2023 consultation: both units answered on time, asking for indoor public rooms, accepted', async () => {
    const [programme] = await listProgrammes(ctx);
    const office = { ...ctx, principal: SYSTEM };
    const [summary] = await listConsultationRounds(office, programme!.versions[0]!.id);
    expect(summary).toMatchObject({ deadline: '2020-02-14', invited: 2, answered: 2, overdue: 0 });
    const round = await getConsultationRound(office, summary!.id);
    expect(round.responses.map((r) => [r.unit.name, r.state])).toEqual([
      ['Kulturnämnden/Kulturförvaltningen', 'answered'],
      ['Stadsarkivet', 'answered'],
    ]);
    for (const r of round.responses) {
      expect(r.sections[0]!.proposal).toMatch(/inomhus|läsesalar/);
      expect(r.sections[0]!.handling).toBe('accepted');
    }
  });

  it('has tertial 2 2026 reported: three follow-ups submitted on time, one draft, the rest overdue, then closed', async () => {
    const office = { ...ctx, principal: SYSTEM };
    const [period] = await listReportingPeriods(office, new Date('2026-11-25T12:00:00Z'));
    expect(period).toMatchObject({ year: 2026, tertial: 2, status: 'closed', deadline: '2026-09-14' });
    expect(period!.programme_version?.title).toBe('Stockholms stads trygghetsprogram 2020–2023');
    const overview = await getPeriodOverview(office, period!.id, new Date('2026-11-25T12:00:00Z'));
    const submitted = overview.units.filter((u) => u.state === 'submitted').map((u) => u.unit.name);
    expect(submitted.sort()).toEqual([
      'Enskede-Årsta-Vantörs stadsdelsnämnd',
      'Kulturnämnden/Kulturförvaltningen',
      'Trafiknämnden (trafikkontoret)',
    ]);
    expect(overview.counts).toMatchObject({ submitted: 3, submitted_late: 0, not_started: 0, draft: 0 });
    expect(overview.counts.overdue).toBe(overview.units.length - 3);
    const report = await getCompiledReport(office, period!.id, new Date('2026-11-25T12:00:00Z'));
    expect(report.units.filter((u) => u.summary !== null)).toHaveLength(3);
    const comments = report.goals.flatMap((g) => g.comments.map((c) => c.unit.name));
    expect(comments).toContain('Kulturnämnden/Kulturförvaltningen');
  });
});

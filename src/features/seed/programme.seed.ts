import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, today } from '../../domain/calendar/index.js';
import type { ServiceContext } from '../../core/context.js';
import {
  changeComponentStatus,
  changeMeasureStatus,
  createMeasure,
  recordFollowup,
} from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { answerRequest, createRequest } from '../requests/requests.service.js';
import { createResponsibilityRule, setServiceLevel } from '../responsibility/responsibility.service.js';
import { seedDistrictAgreements } from './agreements.seed.js';
import { advanceProblem } from './problem-stages.seed.js';
import { responsibilityRules } from './responsibility-rules.seed.js';
import type { SeededPlace } from './places.seed.js';
import { seedContext } from './seed-context.js';
import { UNIT, unitId } from './units.seed.js';

/** What the programme seed reports. */
export interface ProgrammeSeedReport {
  rules: number;
  problems: number;
  measures: number;
  requests: number;
  agreements: number;
  /** The Högdalen library model, which the seeded evaluation is attached to. */
  libraryModelMeasureId?: string;
}

/**
 * Realistic programme work in three districts, so a newcomer sees the workflow populated: problems with
 * evidence and baselines from the demo years, measures (the Högdalen library model with its five parts),
 * follow-ups, requests in every state, and a few gaps the quality report should find.
 */
export async function seedProgramme(
  trx: Transaction<Database> | Kysely<Database>,
  input: {
    organisation: ServiceContext['organisation'];
    units: Map<string, string>;
    places: readonly SeededPlace[];
    now: Date;
  },
): Promise<ProgrammeSeedReport> {
  const ctx = seedContext(trx, input.organisation);
  const u = (slug: string) => unitId(input.units, slug);
  const place = (slug: string) => input.places.find((p) => p.slug === slug)?.id;
  const day = today(input.organisation.timeZone, input.now);
  const baseline = { from: addDays(day, -365), to: addDays(day, -183) };
  const report: ProgrammeSeedReport = { rules: 0, problems: 0, measures: 0, requests: 0, agreements: 0 };

  for (const rule of responsibilityRules(input.units)) {
    await createResponsibilityRule(ctx, rule);
    report.rules++;
  }
  await setServiceLevel(ctx, 'klotter', {
    hours: 24,
    rule: 'Klotter på stadens egendom tas bort inom 24 timmar från anmälan.',
  });
  await setServiceLevel(ctx, 'nedskrapning', {
    hours: 24,
    rule: 'Nedskräpning på stadens mark städas inom 24 timmar.',
  });
  await setServiceLevel(ctx, 'trasig_belysning', { hours: 72, rule: 'Trasig belysning åtgärdas inom tre dygn.' });

  const eav = u('enskede-arsta-vantor');
  const library = place('hogdalens-bibliotek');
  const eavActivities: string[] = [];
  if (library) {
    const problem = await createProblem(ctx, {
      owner_unit_id: eav,
      place_ids: [library],
      title: 'Stök och otrygghet i Högdalens bibliotek kvällstid',
      statement:
        'Grupper av unga stör besökare och personal på kvällarna; skymda hörn och dålig belysning gör det svårt att se vad som händer.',
      categories: ['ordningsstorning', 'skadegorelse', 'klotter'],
      time_pattern: 'vardagar 17–20',
      affected: ['visitors', 'staff'],
      evidence: [
        {
          kind: 'incident_filter',
          filter: { category: ['ordningsstorning', 'skadegorelse', 'klotter'], place_id: library },
        },
        { kind: 'note', note: 'Personalen beskriver att de undviker barnavdelningen efter kl. 18.' },
      ],
      baseline: { ...baseline, direction: 'lower' },
    });
    const model = await createMeasure(ctx, {
      problem_ids: [problem.id],
      responsible_unit_id: u(UNIT.culture),
      contributing_unit_ids: [eav],
      place_ids: [library],
      title: 'Högdalsmodellen: tryggare bibliotek',
      description: 'Ombyggnad och arbetssätt enligt Högdalens bibliotek (situationell prevention).',
      type: 'situational',
      period_start: addDays(day, -170),
      period_end: addDays(day, 195),
      cost_estimate_sek: 850_000,
      target_groups: ['visitors', 'youth', 'staff'],
      followup_dates: [addDays(day, -20), addDays(day, 160)],
      components: [
        { title: 'Ny möblering med låga hyllor', type: 'situational' },
        { title: 'Bättre belysning', type: 'situational' },
        { title: 'Fria siktlinjer från disken', type: 'situational' },
        { title: 'Personal arbetar i par kvällstid', type: 'staffing' },
        { title: 'Värd vid entrén', type: 'staffing' },
      ],
    });
    await changeMeasureStatus(ctx, model.id, 'ongoing');
    eavActivities.push(model.id);
    report.libraryModelMeasureId = model.id;
    for (const c of model.components.slice(0, 3)) {
      await changeComponentStatus(ctx, model.id, c.id, 'ongoing');
      await changeComponentStatus(ctx, model.id, c.id, 'done');
    }
    await recordFollowup(ctx, model.id, model.followups[0]!.id, {
      what_was_done: 'Möbleringen och belysningen klara, personal i par sedan tre månader.',
      assessment: 'improved',
    });
    await advanceProblem(ctx, problem.id, 'assessment');
    const light = await createRequest(ctx, {
      from_unit_id: eav,
      to_unit_id: u(UNIT.transport),
      problem_id: problem.id,
      what: 'Se över belysningen på gångvägen mellan Högdalstorget och biblioteket.',
      due_date: addDays(day, 21),
    });
    await answerRequest(ctx, light.id, 'accepted', 'Besiktning inplanerad.');
    await createRequest(ctx, {
      from_unit_id: eav,
      to_unit_id: u(UNIT.culture),
      problem_id: problem.id,
      what: 'Dela besöksstatistik per timme för kvällarna.',
      due_date: addDays(day, 10),
    });
    report.problems++;
    report.measures++;
    report.requests += 2;
  }

  const agreements = await seedDistrictAgreements(ctx, {
    district: eav,
    police: u(UNIT.police),
    day,
    baseline,
    activityIds: eavActivities,
    square: place('hogdalstorget'),
  });
  report.problems += agreements.problems;
  report.measures += agreements.measures;
  report.agreements += agreements.agreements;

  const square = place('rinkeby-torg');
  if (square) {
    const jarva = u('jarva');
    const problem = await createProblem(ctx, {
      owner_unit_id: jarva,
      place_ids: [square],
      title: 'Narkotikaförsäljning och ordningsstörningar på Rinkeby torg',
      statement: 'Öppen försäljning kvällstid; boende och näringsidkare upplever torget som otryggt.',
      categories: ['narkotika', 'ordningsstorning'],
      time_pattern: 'kvällar, helger',
      affected: ['residents', 'business_owners'],
      evidence: [
        { kind: 'incident_filter', filter: { category: ['narkotika', 'ordningsstorning'], place_id: square } },
      ],
      baseline: { ...baseline, direction: 'lower' },
    });
    const walkers = await createMeasure(ctx, {
      problem_ids: [problem.id],
      responsible_unit_id: jarva,
      contributing_unit_ids: [u(UNIT.police)],
      place_ids: [square],
      title: 'Fältassistenter och nattvandring kvällstid',
      type: 'social',
      period_start: addDays(day, -90),
      target_groups: ['youth'],
      followup_dates: [addDays(day, -5), addDays(day, 85)],
      components: [],
    });
    await changeMeasureStatus(ctx, walkers.id, 'ongoing');
    await advanceProblem(ctx, problem.id, 'response');
    // Left overdue on purpose: the district and the company both see it escalated in their inboxes.
    await createRequest(ctx, {
      from_unit_id: jarva,
      to_unit_id: u('svenska-bostader'),
      problem_id: problem.id,
      what: 'Förbättra belysning och ta bort skymmande buskage vid entréerna mot torget.',
      due_date: addDays(day, -7),
    });
    report.problems++;
    report.measures++;
    report.requests++;
  }

  const archive = place('stadsarkivet-kungsklippan');
  if (archive) {
    // No baseline yet: the quality report shows a newcomer what a gap looks like. Analysed, measure not started.
    const problem = await createProblem(ctx, {
      owner_unit_id: u(UNIT.cityArchives),
      place_ids: [archive],
      title: 'Stölder av väskor i läsesalen',
      statement: 'Besökare har fått väskor stulna vid garderoben.',
      categories: ['stold_inbrott'],
      affected: ['visitors'],
      evidence: [{ kind: 'note', note: 'Tre anmälningar till receptionen under hösten.' }],
    });
    await createMeasure(ctx, {
      problem_ids: [problem.id],
      responsible_unit_id: u(UNIT.cityArchives),
      place_ids: [archive],
      title: 'Låsbara skåp och väskfritt i läsesalen',
      type: 'situational',
      target_groups: ['visitors'],
      followup_dates: [addDays(day, 60)],
      components: [],
      contributing_unit_ids: [],
    });
    await advanceProblem(ctx, problem.id, 'analysis');
    report.problems++;
    report.measures++;
  }
  return report;
}

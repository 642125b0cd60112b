import type { ServiceContext } from '../../core/context.js';
import { createAgreement, reviewAgreement, setAgreementPublicText } from '../agreements/agreements.service.js';
import { changeMeasureStatus, createMeasure } from '../measures/measures.service.js';
import { listAreas } from '../org/org.service.js';
import { addDays } from '../../domain/calendar/index.js';
import { createProblem } from '../problems/problems.service.js';
import { advanceProblem } from './problem-stages.seed.js';

/**
 * Enskede-Årsta-Vantör's local agreements with the police, and one gap for its quality report: a citizen
 * promise (medborgarlöfte) whose text a coordinator approved for the public progress page, a collaboration
 * agreement (samverkansöverenskommelse) with none approved yet, and a problem no measure is aimed at.
 * Returns how many problems, measures and agreements it made.
 */
export async function seedDistrictAgreements(
  ctx: ServiceContext,
  input: {
    district: string;
    police: string;
    day: string;
    baseline: { from: string; to: string };
    activityIds: readonly string[];
    square: string | undefined;
  },
): Promise<{ problems: number; measures: number; agreements: number }> {
  const { district, police, day } = input;
  const neighbourhoods = await listAreas(ctx, { level: 'neighbourhood', at: day });
  const area = (name: string) => neighbourhoods.find((a) => a.name === name)?.id;
  const hogdalen = area('Högdalen');
  const ragsved = area('Rågsved');
  if (!hogdalen || !ragsved) return { problems: 0, measures: 0, agreements: 0 };

  const disorder = await createProblem(ctx, {
    owner_unit_id: district,
    area_id: hogdalen,
    place_ids: input.square ? [input.square] : [],
    title: 'Ordningsstörningar vid Högdalstorget fredag och lördag kväll',
    statement: 'Stök och bråk kring torget och tunnelbanan sena helgkvällar; näringsidkare stänger tidigare.',
    categories: ['ordningsstorning'],
    time_pattern: 'fredag–lördag 20–01',
    affected: ['residents', 'business_owners'],
    evidence: [{ kind: 'incident_filter', filter: { category: ['ordningsstorning'], area_id: hogdalen } }],
    baseline: { ...input.baseline, direction: 'lower' },
  });
  const presence = await createMeasure(ctx, {
    problem_ids: [disorder.id],
    responsible_unit_id: police,
    contributing_unit_ids: [district],
    place_ids: input.square ? [input.square] : [],
    title: 'Synlig polisnärvaro vid Högdalstorget helgkvällar',
    type: 'surveillance',
    period_start: addDays(day, -150),
    period_end: addDays(day, 215),
    target_groups: ['residents', 'business_owners'],
    followup_dates: [addDays(day, 30)],
    components: [],
  });
  await changeMeasureStatus(ctx, presence.id, 'ongoing');
  await advanceProblem(ctx, disorder.id, 'response');
  // The gap: scanned and evidenced, but nobody has aimed a measure at it yet.
  await createProblem(ctx, {
    owner_unit_id: district,
    area_id: ragsved,
    place_ids: [],
    title: 'Nedskräpning och klotter i Rågsvedsparken',
    statement: 'Återkommande klotter på lekplatsens plank och nedskräpning vid grillplatsen.',
    categories: ['klotter', 'nedskrapning'],
    affected: ['residents', 'visitors'],
    evidence: [{ kind: 'incident_filter', filter: { category: ['klotter', 'nedskrapning'], area_id: ragsved } }],
    baseline: { ...input.baseline, direction: 'lower' },
  });

  const period = { period_start: addDays(day, -200), period_end: addDays(day, 530) };
  const promise = await createAgreement(ctx, {
    district_unit_id: district,
    partner_unit_id: police,
    kind: 'citizen_promise',
    title: 'Medborgarlöfte Enskede-Årsta-Vantör',
    summary:
      'Internt: löftet följs upp på samverkansmötet med lokalpolisområde Farsta varannan vecka; kontaktpersoner i diariet.',
    ...period,
    area_ids: [hogdalen],
    measure_ids: [presence.id, ...input.activityIds],
  });
  // The last six-monthly review, three weeks ago: each activity and indicator assessed as the parties saw it then.
  await reviewAgreement(ctx, promise.id, {
    reviewed_on: addDays(day, -20),
    note: 'Genomgång på samverkansmötet: polisnärvaron helgkvällar fortsätter, belysningen vid biblioteket följs upp till hösten.',
    activities: promise.activities.map((a) => ({
      measure_id: a.id,
      assessment: a.status === 'ongoing' ? ('as_planned' as const) : ('partly' as const),
    })),
    indicators: promise.indicators.map((i) => ({
      problem_id: i.problem_id,
      assessment: i.current.value < i.baseline.value ? ('improved' as const) : ('unclear' as const),
    })),
  });
  await setAgreementPublicText(
    ctx,
    promise.id,
    'Polisen och stadsdelsförvaltningen lovar att öka tryggheten kring Högdalstorget och Högdalens bibliotek: mer synlig polis helgkvällar, bättre belysning och ett tryggare bibliotek.',
  );
  await createAgreement(ctx, {
    district_unit_id: district,
    partner_unit_id: police,
    kind: 'collaboration_agreement',
    title: 'Samverkansöverenskommelse Enskede-Årsta-Vantör',
    summary: 'Utkast till gemensam lägesbild; texten för allmänheten är inte godkänd än.',
    ...period,
    area_ids: [hogdalen, ragsved],
    measure_ids: [presence.id],
  });
  return { problems: 2, measures: 1, agreements: 2 };
}

import type { Kysely, Transaction } from 'kysely';
import type { ServiceContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import { addDays, startOfLocalDay, today } from '../../domain/calendar/index.js';
import { periodDays } from '../../domain/reporting.js';
import { closeReportingPeriod, openReportingPeriod } from '../reporting/reporting-periods.service.js';
import { saveFollowupDraft, submitFollowup } from '../reporting/unit-followups.service.js';
import { seedContext } from './seed-context.js';
import { UNIT, unitId } from './units.seed.js';

/** The tertial before the one `day` falls in. */
export function previousTertial(day: string): { year: number; tertial: number } {
  const year = Number(day.slice(0, 4));
  const tertial = Math.floor((Number(day.slice(5, 7)) - 1) / 4) + 1;
  return tertial === 1 ? { year: year - 1, tertial: 3 } : { year, tertial: tertial - 1 };
}

/** Three follow-ups, in the words a unit might use; submitted a few days apart before the deadline. */
const FOLLOWUPS = [
  {
    slug: 'enskede-arsta-vantor',
    daysAfterEnd: 6,
    summary:
      'Stadsdelsnämnden har samordnat arbetet i Högdalen och Rågsved med polisen och fastighetsägarna. Belysningen vid Högdalens centrum är utbytt och trygghetsvandringar har genomförts. Kvällsöppet på biblioteket fortsätter.',
    goal: 'Ökad trygghet i offentlig miljö',
    comment: 'Otryggheten kring Högdalens bibliotek kvällstid har minskat sedan värdarna kom på plats.',
  },
  {
    slug: UNIT.culture,
    daysAfterEnd: 9,
    summary:
      'Kulturförvaltningen har haft biblioteksvärdar kvällstid i Högdalen och Rinkeby och utbildat personalen i bemötande. Samarbetet med stadsdelsnämnderna fungerar väl.',
    goal: 'Ökad trygghet i offentlig miljö',
    comment: 'Biblioteken är offentliga rum inomhus och ska vara trygga hela öppettiden.',
  },
  {
    slug: UNIT.transport,
    daysAfterEnd: 12,
    summary:
      'Trafiknämnden har bytt belysning på gång- och cykelvägar som pekats ut vid trygghetsvandringar och tagit emot begäranden från stadsdelsnämnderna.',
    goal: 'Minskad brottslighet',
    comment: 'Åtgärderna i den fysiska miljön följs upp med stadsdelsnämnderna nästa tertial.',
  },
] as const;

/**
 * The tertial before the seed's day, as history: opened the day after it ended with two weeks to report, three
 * units (a district, the culture administration and the traffic committee) submitted theirs, one district began
 * a draft, and the period was closed after the deadline — so a newcomer sees a compiled report with figures,
 * texts and every state a unit can be in. The texts are examples, not the units' words.
 */
export async function seedReporting(
  trx: Transaction<Database> | Kysely<Database>,
  input: { organisation: ServiceContext['organisation']; units: Map<string, string>; now: Date },
): Promise<{ followups: number }> {
  const ctx = seedContext(trx, input.organisation);
  const tz = input.organisation.timeZone;
  const past = previousTertial(today(tz, input.now));
  const { to } = periodDays(past.year, past.tertial);
  // Never after the seed's own moment: a seed run early in a tertial has the previous one still running its course.
  const at = (days: number, hour: number) =>
    new Date(Math.min(startOfLocalDay(addDays(to, days), tz).getTime() + hour * 3_600_000, input.now.getTime()));
  const deadline = addDays(to, 14);
  const period = await openReportingPeriod(ctx, { ...past, deadline }, at(1, 8));
  for (const f of FOLLOWUPS) {
    const unit = unitId(input.units, f.slug);
    const draft = await saveFollowupDraft(ctx, period.id, unit, { summary: f.summary }, at(f.daysAfterEnd, 9));
    const goal = draft.goals.find((g) => g.heading === f.goal);
    if (goal)
      await saveFollowupDraft(
        ctx,
        period.id,
        unit,
        { goals: [{ section_key: goal.section_key, comment: f.comment }] },
        at(f.daysAfterEnd, 10),
      );
    await submitFollowup(ctx, period.id, unit, at(f.daysAfterEnd, 14));
  }
  await saveFollowupDraft(
    ctx,
    period.id,
    unitId(input.units, 'farsta'),
    { summary: 'Utkast: trygghetsvandringen i Farsta centrum sammanfattas här.' },
    at(10, 9),
  );
  await closeReportingPeriod(ctx, period.id, at(20, 9));
  return { followups: FOLLOWUPS.length };
}

import type { AnnualQuery, AnnualReport } from '../../domain/annual.js';
import { today } from '../../domain/calendar/index.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { listRequests } from '../requests/requests.service.js';
import { getDistrictView, getUnitView } from '../views/views.service.js';
import { assembleAnnualReport } from './annual.assemble.js';

export { ranInYear } from './annual.assemble.js';

/** The annual follow-up of a unit (its own measures and requests) or a district (all work in its geography). */
export async function getAnnualReport(caller: ServiceContext, query: AnnualQuery): Promise<AnnualReport> {
  const ctx = heavyReadContext(caller);
  const [unit, all, requests] =
    query.scope === 'district'
      ? await getDistrictView(ctx, query.unit_id).then((v) => [v.district, v.measures, v.requests] as const)
      : await Promise.all([getUnitView(ctx, query.unit_id), listRequests(ctx, { unit_id: query.unit_id })]).then(
          ([v, r]) => [v.unit, v.measures.map((x) => x.measure), r] as const,
        );
  return assembleAnnualReport(
    { scope: { kind: query.scope, unit }, year: query.year, generated_at: new Date().toISOString() },
    all,
    requests,
    today(ctx.organisation.timeZone),
    ctx.organisation.timeZone,
  );
}

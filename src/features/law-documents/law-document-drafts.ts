import { addDays, lastCompleteWeek, startOfLocalDay, today } from '../../domain/calendar/index.js';
import { plainNumber, swedishWeek } from '../../domain/labels.js';
import type { Confidentiality } from '../../domain/confidentiality.js';
import type { LawDocumentKind } from '../../domain/law-documents.js';
import type { Measure } from '../../domain/measures.js';
import type { Problem } from '../../domain/problems.js';
import type { ServiceContext } from '../../core/context.js';
import { listMeasures } from '../measures/measures.service.js';
import { listProblems } from '../problems/problems.service.js';
import { getSituationReport } from '../situation/situation.service.js';
import { getDistrictView } from '../views/views.service.js';
import {
  actionPlanSections,
  causeAnalysisSections,
  type DraftSection,
  situationPictureSections,
} from './law-document-text.js';
import { countIncidentsByCategoryAndArea, findDistrictArea } from './law-documents.repo.js';

/** The scope a document covers: a district (its unit) or the whole city. */
export interface DraftScope {
  districtId: string | null;
  name: string;
}

/**
 * The district's problems and measures (all work in its geography, as the district page shows), or the city's.
 * An adopted document is public, so records of the restricted tier (details of security measures, say) never go
 * into a draft, whoever drafts it; the rest is the drafter's to read through before adoption.
 */
async function programmeOf(
  ctx: ServiceContext,
  scope: DraftScope,
): Promise<{ problems: Problem[]; measures: Measure[] }> {
  const { problems, measures } =
    scope.districtId !== null
      ? await getDistrictView(ctx, scope.districtId)
      : { problems: await listProblems(ctx, {}), measures: await listMeasures(ctx, {}) };
  const publishable = <T extends { confidentiality: Confidentiality }>(r: T) => r.confidentiality !== 'restricted';
  return { problems: problems.filter(publishable), measures: measures.filter(publishable) };
}

/** Names of the places the last complete week's situation report singles out: Gi* hot spots, else the top places. */
async function hotspotNames(ctx: ServiceContext, areaId: string | null): Promise<string[]> {
  const week = lastCompleteWeek(ctx.organisation.timeZone);
  const { report } = await getSituationReport(ctx, { ...(areaId ? { area_id: areaId } : {}), week });
  const hot = report.hotspots.cells.filter((c) => c.class.startsWith('hot') && c.place).map((c) => c.place!.text_sv);
  const top = report.top_places.places
    .filter((p) => p.name)
    .slice(0, 5)
    .map(
      (p) =>
        `${p.name}: ${plainNumber(p.count)} ${p.count === 1 ? 'händelse' : 'händelser'} från ${swedishWeek(report.top_places.from_week)} till ${swedishWeek(report.top_places.to_week)}`,
    );
  return [...new Set(hot)].slice(0, 8).concat(hot.length > 0 ? [] : top);
}

async function situationPicture(ctx: ServiceContext, scope: DraftScope): Promise<DraftSection[]> {
  const tz = ctx.organisation.timeZone;
  const to = today(tz);
  const from = addDays(to, -365);
  const before = addDays(from, -365);
  const area = scope.districtId ? await findDistrictArea(ctx.db, ctx.organisation.id, scope.districtId) : undefined;
  const areaId = area?.id ?? null;
  // A district without an area of its own has no incidents to count; the city counts all.
  if (scope.districtId && !area)
    return situationPictureSections({ scope: scope.name, from, to, current: [], previous: [], hotspots: [] });
  const at = (day: string) => startOfLocalDay(day, tz);
  const [current, previous, hotspots] = await Promise.all([
    countIncidentsByCategoryAndArea(ctx.db, ctx.organisation.id, areaId, at(from), at(to)),
    countIncidentsByCategoryAndArea(ctx.db, ctx.organisation.id, areaId, at(before), at(from)),
    hotspotNames(ctx, areaId),
  ]);
  return situationPictureSections({ scope: scope.name, from, to: addDays(to, -1), current, previous, hotspots });
}

/** A document's sections drafted from the data as it is now. */
export async function draftSections(
  ctx: ServiceContext,
  kind: LawDocumentKind,
  scope: DraftScope,
): Promise<DraftSection[]> {
  if (kind === 'situation_picture') return situationPicture(ctx, scope);
  const { problems, measures } = await programmeOf(ctx, scope);
  return kind === 'cause_analysis'
    ? causeAnalysisSections(scope.name, problems)
    : actionPlanSections(scope.name, problems, measures);
}

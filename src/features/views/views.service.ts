import { MeasureStatusSchema, type Measure } from '../../domain/measures.js';
import type { PlaceSummary } from '../../domain/org.js';
import type { Problem } from '../../domain/problems.js';
import { qualityTotal } from '../../domain/quality.js';
import type { CityView, DistrictView, UnitView } from '../../domain/views.js';
import { AppError } from '../../domain/errors.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { cachedProgramme } from '../../core/programme-cache.js';
import { listMeasures } from '../measures/measures.service.js';
import { listAreas, listUnits } from '../org/org.service.js';
import { listPlaces } from '../places/places.service.js';
import { listProblems } from '../problems/problems.service.js';
import { qualityCountsByDistrict } from '../quality/quality.service.js';
import { listRequests } from '../requests/requests.service.js';

type Ref = { id: string; name: string };

/**
 * The whole programme and the geography needed to place it: which district a place, problem or measure
 * belongs to. A place lies in the district of its neighbourhood; a problem in its area's district and its
 * places' districts (or, with neither, its owner's when that is a district); a measure wherever its problems
 * and places are.
 */
async function loadProgramme(ctx: ServiceContext) {
  const [areas, places, units, problems, measures, requests] = await Promise.all([
    listAreas(ctx, {}),
    listPlaces(ctx, {}),
    listUnits(ctx, {}),
    listProblems(ctx, {}),
    listMeasures(ctx, {}),
    listRequests(ctx, {}),
  ]);
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const neighbourhoodByCode = new Map(areas.filter((a) => a.level === 'neighbourhood').map((a) => [a.code, a]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const placeById = new Map(places.map((p) => [p.id, p]));
  const districtOfArea = (id: string | undefined): string | null => {
    const a = id ? areaById.get(id) : undefined;
    if (!a) return null;
    return (a.parent_id ? areaById.get(a.parent_id)?.owner_unit_id : null) ?? a.owner_unit_id;
  };
  const districtOfPlace = (p: PlaceSummary | undefined) =>
    districtOfArea(p?.neighbourhood_code ? neighbourhoodByCode.get(p.neighbourhood_code)?.id : undefined);
  const problemDistricts = new Map(
    problems.map((p) => {
      const found = [districtOfArea(p.area?.id), ...p.places.map((x) => districtOfPlace(placeById.get(x.id)))].filter(
        (d): d is string => !!d,
      );
      if (!found.length && unitById.get(p.owner_unit.id)?.kind === 'district') found.push(p.owner_unit.id);
      return [p.id, new Set(found)] as const;
    }),
  );
  const measureDistricts = new Map(
    measures.map((m) => [
      m.id,
      new Set([
        ...m.problems.flatMap((p) => [...(problemDistricts.get(p.id) ?? [])]),
        ...m.places.flatMap((x) => districtOfPlace(placeById.get(x.id)) ?? []),
      ]),
    ]),
  );
  const ref = (id: string): Ref => ({ id, name: unitById.get(id)?.name ?? '' });
  const premises = places
    .filter((p) => p.owner_unit_id)
    .map((p) => {
      const named = [
        ...problems.filter((x) => x.places.some((y) => y.id === p.id)).flatMap((x) => [...problemDistricts.get(x.id)!]),
        ...measures.filter((x) => x.places.some((y) => y.id === p.id)).flatMap((x) => [...measureDistricts.get(x.id)!]),
      ];
      const districts = [...new Set([districtOfPlace(p), ...named].filter((d): d is string => !!d))]
        .map(ref)
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        id: p.id,
        name: p.name,
        type: p.type,
        lon: p.lon,
        lat: p.lat,
        owner_unit: ref(p.owner_unit_id!),
        districts,
      };
    });
  return { areas, units, unitById, problems, measures, requests, problemDistricts, measureDistricts, premises, ref };
}

function unitRef(programme: Programme, unitId: string, kind?: 'district'): Ref {
  const unit = programme.unitById.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', { details: { entity: 'unit', id: unitId } });
  if (kind && unit.kind !== kind)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'unit_id', code: 'not_a_district', message: 'not a district unit' }],
    });
  return { id: unit.id, name: unit.name };
}

const placePoints = (kind: 'problem' | 'measure', items: ReadonlyArray<Problem | Measure>) =>
  items.flatMap((i) =>
    i.places.map((p) => ({ kind, id: i.id, place_id: p.id, label: i.title, lon: p.lon, lat: p.lat })),
  );

type Programme = Awaited<ReturnType<typeof loadProgramme>>;

/** A district's share of the programme: problems it owns or in its geography, the measures there or its own, and the requests about them. */
function districtSlice(programme: Programme, unitId: string) {
  const problems = programme.problems.filter(
    (p) => p.owner_unit.id === unitId || programme.problemDistricts.get(p.id)!.has(unitId),
  );
  const problemIds = new Set(problems.map((p) => p.id));
  const measures = programme.measures.filter(
    (m) => m.responsible_unit.id === unitId || programme.measureDistricts.get(m.id)!.has(unitId),
  );
  const requests = programme.requests.filter(
    (r) => r.from_unit.id === unitId || r.to_unit.id === unitId || problemIds.has(r.problem.id),
  );
  return { problems, measures, requests };
}

/** The district's coordination view: all units' work in its geography and its own, for a list and a map. */
export function getDistrictView(caller: ServiceContext, unitId: string): Promise<DistrictView> {
  const ctx = heavyReadContext(caller);
  return cachedProgramme(ctx, `district|${unitId}`, () => buildDistrictView(ctx, unitId));
}

async function buildDistrictView(ctx: ServiceContext, unitId: string): Promise<DistrictView> {
  const programme = await loadProgramme(ctx);
  const district = unitRef(programme, unitId, 'district');
  const { problems, measures, requests } = districtSlice(programme, unitId);
  const resources = programme.premises.filter((p) => p.districts.some((d) => d.id === unitId));
  const owner = new Map(programme.areas.map((a) => [a.id, a.owner_unit_id]));
  return {
    district,
    areas: programme.areas.filter(
      (a) => a.owner_unit_id === unitId || (a.parent_id && owner.get(a.parent_id) === unitId),
    ),
    problems,
    measures,
    requests,
    followups: measures
      .flatMap((m) =>
        m.followups.map((f) => ({ ...f, measure: { id: m.id, name: m.title }, responsible_unit: m.responsible_unit })),
      )
      .sort((a, b) => a.due_date.localeCompare(b.due_date)),
    resources,
    points: [
      ...placePoints('problem', problems),
      ...placePoints('measure', measures),
      ...resources.map((p) => ({
        kind: 'premise' as const,
        id: p.id,
        place_id: p.id,
        label: p.name,
        lon: p.lon,
        lat: p.lat,
      })),
    ],
  };
}

/** A unit's view: the measures it runs or contributes to in every district, and its premises. */
export function getUnitView(caller: ServiceContext, unitId: string): Promise<UnitView> {
  const ctx = heavyReadContext(caller);
  return cachedProgramme(ctx, `unit|${unitId}`, () => buildUnitView(ctx, unitId));
}

async function buildUnitView(ctx: ServiceContext, unitId: string): Promise<UnitView> {
  const programme = await loadProgramme(ctx);
  const unit = unitRef(programme, unitId);
  const measures = programme.measures
    .filter((m) => m.responsible_unit.id === unitId || m.contributing_units.some((u) => u.id === unitId))
    .map((m) => ({
      measure: m,
      role: m.responsible_unit.id === unitId ? ('responsible' as const) : ('contributing' as const),
      districts: [...programme.measureDistricts.get(m.id)!].map(programme.ref),
    }));
  return { unit, measures, premises: programme.premises.filter((p) => p.owner_unit.id === unitId) };
}

/** The districts side by side: their programme in figures and their quality report's counts. */
export function getCityView(caller: ServiceContext): Promise<CityView> {
  const ctx = heavyReadContext(caller);
  return cachedProgramme(ctx, 'city', () => buildCityView(ctx));
}

async function buildCityView(ctx: ServiceContext): Promise<CityView> {
  const programme = await loadProgramme(ctx);
  const districts = programme.units.filter((u) => u.kind === 'district');
  const quality = await qualityCountsByDistrict(
    ctx,
    districts.map((u) => u.id),
  );
  return {
    districts: districts.map((u) => {
      const view = districtSlice(programme, u.id);
      const counts = quality.get(u.id)!;
      return {
        district: { id: u.id, name: u.name },
        problems: view.problems.length,
        measures: Object.fromEntries(
          MeasureStatusSchema.options.map((s) => [s, view.measures.filter((m) => m.status === s).length]),
        ) as CityView['districts'][number]['measures'],
        requests_open: view.requests.filter((r) => r.status === 'requested' || r.status === 'accepted').length,
        requests_overdue: view.requests.filter((r) => r.overdue).length,
        followups_overdue: view.measures.flatMap((m) => m.followups).filter((f) => f.overdue).length,
        quality: counts,
        quality_total: qualityTotal(counts),
      };
    }),
  };
}

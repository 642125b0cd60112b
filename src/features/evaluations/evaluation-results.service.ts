import {
  differenceInDifferences,
  preTrendCheck,
  type WeeklyAreaCount,
} from '../../analysis/stats/evaluation/difference-in-differences.js';
import { type Displacement, weightedDisplacement } from '../../analysis/stats/evaluation/displacement.js';
import {
  displacementText,
  type EffectContext,
  type Interpretation,
  interpretDifferenceInDifferences,
  interpretRelativeEffect,
} from '../../analysis/stats/evaluation/interpretation.js';
import { interpretInterruptedTimeSeries } from '../../analysis/stats/evaluation/interpretation-series.js';
import { interruptedTimeSeries } from '../../analysis/stats/evaluation/interrupted-time-series.js';
import { proportionDifferenceTest } from '../../analysis/stats/evaluation/proportion-difference-test.js';
import { baselineEndsAtPeak } from '../../analysis/stats/evaluation/regression-to-mean.js';
import {
  type BeforeAfterCounts,
  dispersionFromWeeks,
  relativeEffect,
} from '../../analysis/stats/evaluation/relative-effect.js';
import { boxAround, distanceMetres } from '../../analysis/geo/distance.js';
import type { ServiceContext } from '../../core/context.js';
import { findCategoriesByCode } from '../../core/tenancy.repo.js';
import {
  addDays,
  addMonths,
  daysBetween,
  isoWeek,
  isoWeekOfDay,
  iterateWeeks,
  localDay,
  startOfLocalDay,
} from '../../domain/calendar/index.js';
import type { Evaluation, EvaluationEffect, EvaluationResults } from '../../domain/evaluations.js';
import { listMonthFigures, listOutcomeIncidents, listZonesOf } from './evaluations.repo.js';
import { getEvaluation } from './evaluations.service.js';

type Period = 'before' | 'implementation' | 'after';
type Role = 'treatment' | 'comparison' | 'buffer';

/** Both languages of a reading, caveats paired by position (the two calls take the same branches). */
function bilingual(read: (lang: 'sv' | 'en') => Interpretation) {
  const sv = read('sv');
  const en = read('en');
  return {
    summary: { sv: sv.summary, en: en.summary },
    caveats: sv.caveats.map((c, i) => ({ code: c.code, text: { sv: c.text, en: en.caveats[i]?.text ?? c.text } })),
  };
}

/** The site an incident counts for, or none: treatment before comparison before buffer. */
function classifier(evaluation: Evaluation) {
  const siteOf = (role: 'treatment' | 'comparison') => {
    const places = new Set(evaluation[role].places.map((p) => p.id));
    const areas = new Set(evaluation[role].areas.map((a) => a.id));
    return (i: { place_id: string | null; area_id: string | null; district_id: string | null }) =>
      (i.place_id && places.has(i.place_id) ? i.place_id : null) ??
      (i.area_id && areas.has(i.area_id) ? i.area_id : null) ??
      (i.district_id && areas.has(i.district_id) ? i.district_id : null);
  };
  const treatment = siteOf('treatment');
  const comparison = siteOf('comparison');
  const bufferAreas = new Set(evaluation.buffer.areas.map((a) => a.id));
  const ringCentres = evaluation.treatment.places;
  const ring = evaluation.buffer.metres;
  return (i: {
    place_id: string | null;
    area_id: string | null;
    district_id: string | null;
    lon: number;
    lat: number;
  }): { role: Role; site: string } | null => {
    const t = treatment(i);
    if (t) return { role: 'treatment', site: t };
    const c = comparison(i);
    if (c) return { role: 'comparison', site: c };
    if ((i.area_id && bufferAreas.has(i.area_id)) || (i.district_id && bufferAreas.has(i.district_id)))
      return { role: 'buffer', site: 'buffer' };
    if (ring && ringCentres.some((p) => distanceMetres(p.lon, p.lat, i.lon, i.lat) <= ring))
      return { role: 'buffer', site: 'buffer' };
    return null;
  };
}

/** The months (first days) an inclusive day range touches. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

/**
 * Visitors per site role and period, when every treatment and comparison place recorded visitors in every
 * month the periods touch and the design has no areas (areas have no visitor counts); else null. A month
 * partly in a period counts in proportion to its days in the period.
 */
async function visitorExposures(ctx: ServiceContext, evaluation: Evaluation): Promise<BeforeAfterCounts | null> {
  if (evaluation.treatment.areas.length || evaluation.comparison.areas.length) return null;
  const places = [...evaluation.treatment.places, ...evaluation.comparison.places].map((p) => p.id);
  const figures = await listMonthFigures(ctx.db, ctx.organisation.id, places);
  const visitors = new Map(figures.map((f) => [`${f.place_id} ${f.month}`, f.visitors]));
  const sum = (ids: readonly string[], period: { from: string; to: string }): number | null => {
    let total = 0;
    for (const month of monthsOf(period.from, period.to)) {
      const first = `${month}-01`;
      const last = addDays(addMonths(first, 1), -1);
      const inPeriod = daysIn([first, period.from].sort()[1]!, [last, period.to].sort()[0]!);
      const share = inPeriod / daysIn(first, last);
      for (const id of ids) {
        const v = visitors.get(`${id} ${month}`);
        if (v === null || v === undefined) return null;
        total += v * share;
      }
    }
    return total > 0 ? total : null;
  };
  const t = evaluation.treatment.places.map((p) => p.id);
  const c = evaluation.comparison.places.map((p) => p.id);
  const cells = [
    sum(t, evaluation.before),
    sum(t, evaluation.after),
    sum(c, evaluation.before),
    sum(c, evaluation.after),
  ];
  if (cells.some((x) => x === null)) return null;
  const [treatmentBefore, treatmentAfter, comparisonBefore, comparisonAfter] = cells as number[];
  return { treatmentBefore, treatmentAfter, comparisonBefore, comparisonAfter } as BeforeAfterCounts;
}

const daysIn = (from: string, to: string) => daysBetween(from, to) + 1;

const nothing = {
  estimate: null,
  lower: null,
  upper: null,
  percent_change: null,
  percent_lower: null,
  percent_upper: null,
};

/**
 * The results of an evaluation design, computed from the incidents now in the database: counts before and
 * after per treatment, comparison and buffer; the relative effect size (inflated for overdispersed weeks),
 * difference-in-differences on weekly counts, the rate per visitors where places record visitors, an
 * interrupted time series of the treatment sites alone, displacement into the buffer, and the change per
 * zone of the treatment places. Each effect carries its reading in Swedish and English with caveats.
 */
export async function evaluationResults(ctx: ServiceContext, id: string): Promise<EvaluationResults> {
  const evaluation = await getEvaluation(ctx, id);
  const zone = ctx.organisation.timeZone;
  const categories = await findCategoriesByCode(
    ctx.db,
    ctx.organisation.id,
    evaluation.categories.map((c) => c.code),
  );
  const ring = evaluation.buffer.metres && evaluation.treatment.places.length ? evaluation.buffer.metres : null;
  const incidents = await listOutcomeIncidents(ctx.db, ctx.organisation.id, {
    categoryIds: categories.map((c) => c.id),
    from: startOfLocalDay(evaluation.before.from, zone),
    to: startOfLocalDay(addDays(evaluation.after.to, 1), zone),
    placeIds: [...evaluation.treatment.places, ...evaluation.comparison.places].map((p) => p.id),
    areaIds: [...evaluation.treatment.areas, ...evaluation.comparison.areas, ...evaluation.buffer.areas].map(
      (a) => a.id,
    ),
    box: ring ? boxAround(evaluation.treatment.places, ring) : null,
  });

  const beforeWeeks = [...iterateWeeks(isoWeekOfDay(evaluation.before.from), isoWeekOfDay(evaluation.before.to))];
  const afterWeeks = [...iterateWeeks(isoWeekOfDay(evaluation.after.from), isoWeekOfDay(evaluation.after.to))].filter(
    (w) => !beforeWeeks.includes(w),
  );
  const allWeeks = [...iterateWeeks(beforeWeeks[0]!, afterWeeks.at(-1) ?? beforeWeeks.at(-1)!)];
  const beforeSet = new Set<string>(beforeWeeks);
  const afterSet = new Set<string>(afterWeeks);
  const weekPeriod = (w: string): Period =>
    beforeSet.has(w) ? 'before' : afterSet.has(w) ? 'after' : 'implementation';
  const periodOf = (day: string): Period =>
    day <= evaluation.before.to ? 'before' : day >= evaluation.after.from ? 'after' : 'implementation';

  const classify = classifier(evaluation);
  const counts = {
    treatment: { before: 0, after: 0 },
    comparison: { before: 0, after: 0 },
    buffer: { before: 0, after: 0 },
  };
  const weekly = new Map<string, number>();
  const bump = (key: string) => weekly.set(key, (weekly.get(key) ?? 0) + 1);
  const zoneCounts = new Map<string | null, { before: number; after: number }>();
  const sites = new Map<string, boolean>();
  for (const s of [...evaluation.treatment.places, ...evaluation.treatment.areas]) sites.set(s.id, true);
  for (const s of [...evaluation.comparison.places, ...evaluation.comparison.areas]) sites.set(s.id, false);
  for (const i of incidents) {
    const hit = classify(i);
    if (!hit) continue;
    const period = periodOf(localDay(i.occurred_at, zone));
    const week = isoWeek(i.occurred_at, zone);
    if (hit.role !== 'buffer') bump(`${hit.site} ${week}`);
    if (period === 'implementation') continue;
    counts[hit.role][period]++;
    if (hit.role === 'treatment' && i.place_id === hit.site) {
      const z = zoneCounts.get(i.zone_id) ?? { before: 0, after: 0 };
      z[period]++;
      zoneCounts.set(i.zone_id, z);
    }
  }
  const siteWeeks = (treated: boolean, weeks: readonly string[]) =>
    weeks.map((w) =>
      [...sites].filter(([, t]) => t === treated).reduce((s, [site]) => s + (weekly.get(`${site} ${w}`) ?? 0), 0),
    );
  const tb = siteWeeks(true, beforeWeeks);
  const ta = siteWeeks(true, afterWeeks);
  const cb = siteWeeks(false, beforeWeeks);
  const ca = siteWeeks(false, afterWeeks);

  const cells: BeforeAfterCounts = {
    treatmentBefore: counts.treatment.before,
    treatmentAfter: counts.treatment.after,
    comparisonBefore: counts.comparison.before,
    comparisonAfter: counts.comparison.after,
  };
  const rows: WeeklyAreaCount[] = [...sites].flatMap(([site, treated]) =>
    [...beforeWeeks, ...afterWeeks].map((week) => ({
      area: site,
      week,
      count: weekly.get(`${site} ${week}`) ?? 0,
      treated,
      after: afterSet.has(week),
    })),
  );
  const preTrend = preTrendCheck(rows);
  const hasBuffer = ring !== null || evaluation.buffer.areas.length > 0;
  let displacement: Displacement | undefined;
  if (hasBuffer && cells.comparisonBefore > 0 && cells.comparisonAfter > 0)
    displacement = weightedDisplacement({
      treatment: counts.treatment,
      buffer: counts.buffer,
      control: counts.comparison,
    });
  const context: EffectContext = {
    ...(displacement ? { displacement } : {}),
    baselineAtPeak: baselineEndsAtPeak(tb).atPeak,
    preTrendDiffers: preTrend.ok && preTrend.differs,
  };

  const effects: EvaluationEffect[] = [];
  const inflation = dispersionFromWeeks([tb, ta, cb, ca]);
  const res = relativeEffect(cells, { inflation });
  effects.push({
    method: 'relative_effect',
    estimate: res.res,
    lower: res.lower,
    upper: res.upper,
    percent_change: res.percentChange,
    percent_lower: res.percentLower,
    percent_upper: res.percentUpper,
    significant: res.significant,
    ...bilingual((lang) => interpretRelativeEffect(res, lang, context)),
  });

  const did = differenceInDifferences(rows);
  effects.push({
    method: 'difference_in_differences',
    ...(did.ok
      ? {
          estimate: did.rateRatio,
          lower: did.lower,
          upper: did.upper,
          percent_change: did.percentChange,
          percent_lower: did.percentLower,
          percent_upper: did.percentUpper,
          significant: did.significant,
        }
      : { ...nothing, significant: null }),
    ...bilingual((lang) => interpretDifferenceInDifferences(did, lang, context)),
  });

  const exposures = await visitorExposures(ctx, evaluation);
  if (exposures) {
    const perVisitor = relativeEffect(cells, { inflation, exposures });
    const read = bilingual((lang) => interpretRelativeEffect(perVisitor, lang, context));
    effects.push({
      method: 'rate_per_visitors',
      estimate: perVisitor.res,
      lower: perVisitor.lower,
      upper: perVisitor.upper,
      percent_change: perVisitor.percentChange,
      percent_lower: perVisitor.percentLower,
      percent_upper: perVisitor.percentUpper,
      significant: perVisitor.significant,
      summary: { sv: `Per besökare: ${read.summary.sv}`, en: `Per visitor: ${read.summary.en}` },
      caveats: read.caveats,
    });
  }

  if (tb.length >= 2 && ta.length >= 2 && tb.length + ta.length >= 5) {
    const its = interruptedTimeSeries([...tb, ...ta], tb.length);
    const read = bilingual((lang) => interpretInterruptedTimeSeries(its, lang));
    effects.push({
      method: 'interrupted_time_series',
      estimate: its.levelChange.estimate,
      lower: its.levelChange.lower,
      upper: its.levelChange.upper,
      percent_change: null,
      percent_lower: null,
      percent_upper: null,
      significant: its.levelChange.p < 1 - its.level,
      summary: {
        sv: `Åtgärdsplatsen ensam, händelser per vecka: ${read.summary.sv}`,
        en: `The treatment sites alone, incidents per week: ${read.summary.en}`,
      },
      caveats: read.caveats,
    });
  }

  const zones = await zoneResults(ctx, evaluation, zoneCounts);
  const caveats = [...new Map(effects.flatMap((e) => e.caveats).map((c) => [c.code, c])).values()];
  return {
    evaluation_id: evaluation.id,
    counts: { ...counts, buffer: hasBuffer ? counts.buffer : null },
    weeks: { before: beforeWeeks.length, after: afterWeeks.length },
    effects,
    displacement: displacement
      ? {
          wdq: displacement.wdq,
          reading: displacement.reading,
          success_measure: displacement.successMeasure,
          buffer_measure: displacement.bufferMeasure,
          total_net_effect: displacement.totalNetEffect,
          summary: {
            sv: capitalised(displacementText(displacement, 'sv')),
            en: capitalised(displacementText(displacement, 'en')),
          },
        }
      : null,
    zones,
    series: allWeeks.map((week) => ({
      week,
      period: weekPeriod(week),
      treatment: siteWeeks(true, [week])[0]!,
      comparison: siteWeeks(false, [week])[0]!,
    })),
    caveats,
  };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Per zone of the treatment places: counts and whether its share of the incidents changed. */
async function zoneResults(
  ctx: ServiceContext,
  evaluation: Evaluation,
  zoneCounts: Map<string | null, { before: number; after: number }>,
): Promise<EvaluationResults['zones']> {
  const zones = await listZonesOf(
    ctx.db,
    evaluation.treatment.places.map((p) => p.id),
  );
  if (!zones.length) return [];
  const units = [
    ...zones.map((z) => ({ zone_id: z.id as string | null, name: z.name })),
    ...(zoneCounts.has(null) ? [{ zone_id: null, name: 'Ingen zon angiven' }] : []),
  ];
  const base = units.map((u) => zoneCounts.get(u.zone_id)?.before ?? 0);
  const test = units.map((u) => zoneCounts.get(u.zone_id)?.after ?? 0);
  const tested = base.some((b) => b > 0) && test.some((t) => t > 0) ? proportionDifferenceTest(base, test).units : null;
  return units.map((u, i) => ({
    ...u,
    before: base[i]!,
    after: test[i]!,
    change: tested?.[i]?.change ?? 'similar',
  }));
}

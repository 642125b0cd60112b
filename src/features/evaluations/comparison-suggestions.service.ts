import { formatNumber } from '../../analysis/stats/evaluation/number-text.js';
import type { ServiceContext } from '../../core/context.js';
import { findCategoriesByCode } from '../../core/tenancy.repo.js';
import { addDays, daysBetween, startOfLocalDay } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { ComparisonSuggestion } from '../../domain/evaluations.js';
import { PLACE_TYPE_LABELS } from '../../domain/labels.js';
import type { PlaceType } from '../../domain/org.js';
import { countByPlaceAndHalf, findPlaces, listPlacesOfTypes } from './evaluations.repo.js';

/** How many comparison places are suggested. */
const SUGGESTIONS = 5;

/** The second half of the before period against its first, with one added to each so a zero is no infinity. */
const trendRatio = (first: number, second: number) => (second + 1) / (first + 1);

/**
 * Places that could stand in for "what would have happened without the measure": of the same type as the
 * treatment places, with a before-period level and trend (second half against first) most like theirs. The
 * score is |ln(level ratio)| + |ln(trend ratio)|, lower being more alike; each suggestion says why in words.
 */
export async function suggestComparisons(
  ctx: ServiceContext,
  input: { treatment_place_ids: string[]; categories: string[]; before_from: string; before_to: string },
): Promise<{ treatment: { before_count: number; trend_ratio: number | null }; suggestions: ComparisonSuggestion[] }> {
  if (input.before_to < input.before_from)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'before_to', code: 'period_reversed', message: 'the before period ends before it starts' }],
    });
  const [treated, categories] = await Promise.all([
    findPlaces(ctx.db, ctx.organisation.id, input.treatment_place_ids),
    findCategoriesByCode(ctx.db, ctx.organisation.id, input.categories),
  ]);
  if (treated.length !== new Set(input.treatment_place_ids).size)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'treatment_place_ids', code: 'unknown_place', message: 'a treatment place does not exist' }],
    });
  if (!categories.length)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'categories', code: 'unknown_category', message: 'none of the categories exists' }],
    });
  const zone = ctx.organisation.timeZone;
  const days = daysBetween(input.before_from, input.before_to) + 1;
  const from = startOfLocalDay(input.before_from, zone);
  const mid = startOfLocalDay(addDays(input.before_from, Math.floor(days / 2)), zone);
  const to = startOfLocalDay(addDays(input.before_to, 1), zone);
  const treatedIds = new Set(treated.map((p) => p.id));
  const candidates = (
    await listPlacesOfTypes(ctx.db, ctx.organisation.id, [...new Set(treated.map((p) => p.type))])
  ).filter((p) => !treatedIds.has(p.id));
  const counts = await countByPlaceAndHalf(ctx.db, ctx.organisation.id, {
    placeIds: [...treatedIds, ...candidates.map((c) => c.id)],
    categoryIds: categories.map((c) => c.id),
    from,
    mid,
    to,
  });
  const halves = new Map(counts.map((c) => [c.place_id!, { first: Number(c.first), second: Number(c.second) }]));
  const half = (id: string) => halves.get(id) ?? { first: 0, second: 0 };
  const t = [...treatedIds].reduce(
    (s, id) => ({ first: s.first + half(id).first, second: s.second + half(id).second }),
    { first: 0, second: 0 },
  );
  const tTotal = t.first + t.second;
  const tTrend = trendRatio(t.first, t.second);
  // Several treatment places are compared per place: their level is the mean of the treatment places'.
  const tLevel = tTotal / treatedIds.size;
  const treatedNames = treated.map((p) => p.name).join(', ');
  const suggestions = candidates
    .map((c) => {
      const h = half(c.id);
      const total = h.first + h.second;
      const trend = trendRatio(h.first, h.second);
      const score = Math.abs(Math.log((total + 1) / (tLevel + 1))) + Math.abs(Math.log(trend / tTrend));
      const type = PLACE_TYPE_LABELS[c.type as PlaceType] ?? { sv: c.type, en: c.type };
      const n = (x: number, lang: 'sv' | 'en', d = 0) => formatNumber(x, lang, d);
      return {
        place: { id: c.id, name: c.name, type: c.type, setting: c.setting, lon: c.lon, lat: c.lat },
        before_count: total,
        trend_ratio: total ? trend : null,
        score,
        reason: {
          sv:
            `Samma typ av plats (${type.sv.toLowerCase()}). Under före-perioden ${n(total, 'sv')} händelser ` +
            `mot ${n(tLevel, 'sv')} på ${treatedNames}. Andra halvan av perioden var ${n(trend, 'sv', 1)} gånger ` +
            `den första, mot ${n(tTrend, 'sv', 1)} på åtgärdsplatsen: ju närmare nivå och utveckling, desto bättre ` +
            'visar platsen vad som hade hänt utan åtgärden.',
          en:
            `The same kind of place (${type.en.toLowerCase()}). ${n(total, 'en')} incidents in the before period ` +
            `against ${n(tLevel, 'en')} at ${treatedNames}. The period's second half was ${n(trend, 'en', 1)} times ` +
            `the first, against ${n(tTrend, 'en', 1)} at the treatment place: the closer the level and trend, the ` +
            'better the place shows what would have happened without the measure.',
        },
      };
    })
    .sort((a, b) => a.score - b.score || a.place.name.localeCompare(b.place.name, 'sv'))
    .slice(0, SUGGESTIONS);
  return { treatment: { before_count: tTotal, trend_ratio: tTotal ? tTrend : null }, suggestions };
}

import { cellToLatLng } from 'h3-js';
import { localMinute } from '../../analysis/stats/local-time.js';
import { RATING_LABELS, type SituationReport } from '../../domain/situation.js';
import { type Cell, newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';

const changeCols = ['p exakt', 'mid-p', 'riktning', 'signifikant', 'kvot', 'KI låg', 'KI hög'];
function changeCells(c: SituationReport['totals']['vs_previous_week']): Cell[] {
  // Without a comparison (a source's data does not cover both weeks) the direction column says so.
  if (c.comparable === false) return [null, null, 'ingen jämförelse', false, null, null, null];
  return [c.p_exact, c.p_mid, c.direction, c.significant, c.rate_ratio?.estimate ?? null, c.rate_ratio?.lower ?? null, c.rate_ratio?.upper ?? null];
}

const EMERGING_SV = { new: 'ny', intensifying: 'förstärkt', persistent: 'ihållande', sporadic: 'sporadisk' } as const;

/**
 * The report's data as an Excel workbook, one sheet per table (overview, stadsdelar, categories, hotspots,
 * places, hour × weekday, trend, calendar, annotations, actions). Numbers stay numbers; text is defused.
 */
export async function renderSituationXlsx(r: SituationReport): Promise<Buffer> {
  const book = newWorkbook();
  const t = r.totals;
  sheet(book, 'Översikt', ['Uppgift', 'Värde'], [
    ['Område', r.scope.name], ['Vecka', r.week], ['Från', localMinute(r.period.start)], ['Till (exkl.)', localMinute(r.period.end)], ['Uttag', localMinute(r.generated_at)],
    ['Urval kategorigrupper', r.filters.category_group?.join(', ') ?? 'alla'], ['Urval källor', r.filters.source?.join(', ') ?? 'alla'],
    ['Händelser', t.count], ['Förra veckan', t.vs_previous_week.reference], ['Samma vecka i fjol', t.vs_last_year.reference],
    ['Med punktläge', t.points], ['Grov position: område', t.coarse_area], ['Grov position: kommun', t.coarse_municipality],
    ['Utanför hot spot-analysen: grov position', r.hotspots.excluded_coarse],
    ['Utanför hot spot-analysen: exakt läge utanför områdets celler', r.hotspots.excluded_outside ?? null],
    ['Jämförelse förra veckan', t.vs_previous_week.comparable === false ? `ingen jämförelse (källor utan täckning: ${t.vs_previous_week.uncovered_sources?.join(', ')})` : 'testad'],
    ['Jämförelse samma vecka i fjol', t.vs_last_year.comparable === false ? `ingen jämförelse (källor utan täckning: ${t.vs_last_year.uncovered_sources?.join(', ')})` : 'testad'],
  ]);
  sheet(book, 'Stadsdelar', ['Kod', 'Stadsdel', 'Antal', 'Varav grov position', 'Varav våld/hot', 'Förra veckan', ...changeCols.map((c) => `förra v. ${c}`),
    'Fjol', ...changeCols.map((c) => `fjol ${c}`), 'Per 1000 inv.', 'Invånare', 'Invånarår', 'Förslag', 'Förslag (text)', 'Poäng', 'Bekräftad', 'Bekräftad (text)', 'Förra veckans bedömning'],
  r.neighbourhoods.map((n) => [
    n.code, n.name, n.count, n.coarse, n.violence, n.vs_previous_week.reference, ...changeCells(n.vs_previous_week), n.vs_last_year.reference, ...changeCells(n.vs_last_year),
    n.rate_per_1000?.rate ?? null, n.rate_per_1000?.population ?? null, n.rate_per_1000?.population_year ?? null,
    n.rating.proposed, RATING_LABELS[n.rating.proposed].sv, n.rating.score, n.rating.confirmed?.level ?? null,
    n.rating.confirmed ? RATING_LABELS[n.rating.confirmed.level].sv : null, n.rating.previous_week_confirmed,
  ]));
  sheet(book, 'Kategorier', ['Kod', 'Kategori', 'Grupp', 'Antal', 'Förra veckan', ...changeCols.map((c) => `förra v. ${c}`), 'Fjol', ...changeCols.map((c) => `fjol ${c}`)],
    r.categories.map((c) => [c.code, c.label_sv, c.group_code, c.count, c.vs_previous_week.reference, ...changeCells(c.vs_previous_week), c.vs_last_year.reference, ...changeCells(c.vs_last_year)]));
  const h = r.hotspots;
  sheet(book, 'Hotspots', ['H3-cell', 'Antal', 'Summa med grannar', 'z', 'p', 'p justerat (BH)', 'Klass'],
    [...h.cells.map((c) => [c.cell, c.count, c.local_sum, c.z, c.p, c.p_adjusted, c.class] as Cell[]),
      [], [`Metod: ${h.method}, upplösning ${h.resolution}, k = ${h.k}, n = ${h.n}, p: ${h.p_method}, ${h.correction}, alfa ${h.alpha}`]]);
  const e = r.emerging;
  if (e) {
    sheet(book, 'Ovanligt för platsen', ['Klass', 'H3-cell', 'Lat', 'Lon', 'Summa med grannar', 'Väntat', 'Spridning (phi)', 'p', 'p justerat (BH)', 'Hot spot (Gi*) nu', 'Hot spot veckor före'],
      [...e.cells.map((c) => {
        const [lat, lon] = cellToLatLng(c.cell);
        return [EMERGING_SV[c.class], c.cell, lat, lon, c.local_sum, c.expected, c.dispersion, c.p, c.p_adjusted, c.gi_hot, c.hot_weeks_before] as Cell[];
      }),
      [], [`Metod: cellen och dess grannar (k = ${e.k}) mot samma celler ${e.from_week} – ${e.to_week} (${e.baseline_weeks} veckor), negativ binomial, ${e.correction}, alfa ${e.alpha}, n = ${e.n}; ihållande = hot spot minst ${e.persistent_share * 100} % av veckorna`]]);
  }
  sheet(book, 'Platser', ['Nyckel', 'Namn', 'Typ', 'Inne/ute', 'Lon', 'Lat', 'Antal 52 veckor', 'Antal veckan', 'Upprepad'],
    r.top_places.places.map((p) => [p.key, p.name, p.type, p.setting, p.lon, p.lat, p.count, p.week_count, p.repeat]));
  sheet(book, 'Tid', ['Veckodag', ...Array.from({ length: 24 }, (_, i) => `${i}`)], r.time_profile.matrix.map((row, i) => [r.time_profile.weekdays[i] ?? '', ...row]));
  sheet(book, 'Trend', ['Vecka', 'Antal', 'Med punktläge'], r.trend.map((w) => [w.week, w.count, w.points]));
  sheet(book, 'Årshjul', ['Typ', 'Benämning', 'Veckor'], [
    ...r.calendar.peaks.map((p) => ['återkommande topp', `hög ${p.years_high} år, ${p.mean_ratio} × årsmedel`, String(p.week_number)] as Cell[]),
    ...r.calendar.known_periods.map((p) => [p.kind, p.label_sv, p.weeks.join(', ')] as Cell[]),
    [], ['regel', r.calendar.rule, r.calendar.years_used.join(', ')],
  ]);
  sheet(book, 'Anteckningar', ['Datum', 'Vecka', 'Typ', 'Text'], r.annotations.map((a) => [a.date, a.week, a.kind, a.text]));
  sheet(book, 'Åtgärder', ['Åtgärd', 'Ansvarig enhet', 'Klart senast', 'Status', 'Försenad', 'Mötesvecka'],
    r.previous_actions.map((a) => [a.title, a.unit_name, a.due_date, a.status, a.overdue, a.meeting_week]));
  return workbookBuffer(book);
}

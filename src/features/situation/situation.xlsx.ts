import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { h3CellCentre } from '../../analysis/geo/h3.js';
import { localMinute } from '../../domain/calendar/index.js';
import {
  ACTION_STATUS_LABELS,
  ANNOTATION_KIND_LABELS,
  CATEGORY_GROUP_LABELS,
  EMERGING_CLASS_LABELS,
  GI_CLASS_LABELS,
  labelOf,
  PLACE_SETTING_LABELS,
  PLACE_TYPE_LABELS,
  SOURCE_LABELS,
  yesNo,
} from '../../domain/labels.js';
import { type HotspotPlace, RATING_LABELS, type SituationReport } from '../../domain/situation.js';
import { type Cell, newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import type { Outline } from './pdf-charts.js';

const WEEKDAYS_SV = ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'];
const DIRECTION_SV = { up: 'Ökning', down: 'Minskning', none: 'Ingen förändring' } as const;
const changeCols = [
  'p-värde',
  'mid-p-värde',
  'Riktning',
  'Mer än slumpen',
  'Kvot',
  'Kvot, lägst (95 %)',
  'Kvot, högst (95 %)',
];
function changeCells(c: SituationReport['totals']['vs_previous_week']): Cell[] {
  // Without a comparison (a source's data does not cover both weeks) the direction column says so.
  if (c.comparable === false) return [null, null, 'Ingen jämförelse', null, null, null, null];
  return [
    c.p_exact,
    c.p_mid,
    DIRECTION_SV[c.direction],
    yesNo(c.significant),
    c.rate_ratio?.estimate ?? null,
    c.rate_ratio?.lower ?? null,
    c.rate_ratio?.upper ?? null,
  ];
}

/** Whether a change was tested, or why not: the sources, by label, whose data does not cover the comparison. */
function comparison(c: SituationReport['totals']['vs_previous_week']): string {
  if (c.comparable !== false) return 'Prövad';
  return `Ingen jämförelse (källor utan data: ${(c.uncovered_sources ?? []).map((x) => labelOf(SOURCE_LABELS, x)).join(', ')})`;
}

/** What the statistics columns mean, in words, for readers who do not know the tests. */
const EXPLANATIONS: Cell[][] = [
  [
    'Förra veckan / Fjol',
    'Antalet händelser samma stadsdel eller kategori hade veckan innan, och samma vecka ett år tidigare.',
  ],
  [
    'p-värde',
    'Hur troligt det är att skillnaden mot jämförelseveckan bara är slump (exakt test för två antal). Under 0,05 räknas som mer än slumpen.',
  ],
  ['mid-p-värde', 'Samma test, något mindre försiktigt vid små antal.'],
  ['Mer än slumpen', 'Ja när p-värdet är under 0,05. Tabellerna i PDF:en markerar det med en stjärna.'],
  ['Kvot', 'Antalet denna vecka delat med jämförelseveckans. 1 betyder lika många, 2 dubbelt så många.'],
  [
    'Kvot, lägst / högst (95 %)',
    'Intervallet där kvoten med 95 % säkerhet ligger. Omfattar intervallet 1 kan skillnaden vara slump.',
  ],
  [
    'Hotspot / Coldspot',
    'Områden där händelserna ligger tätare (hot) eller glesare (cold) än slumpen ger, enligt Getis-Ord Gi*. Procenten är säkerheten efter korrigering för att många rutor prövas samtidigt (Benjamini–Hochberg).',
  ],
  [
    'Ovanligt för platsen',
    'Rutan med grannrutor jämförd med samma rutor de föregående veckorna (negativ binomialfördelning, korrigerat för många prövningar). Ny: ovanligt högt och aldrig hotspot förut. Förstärkt: ovanligt högt på en plats som varit hotspot. Ihållande: hotspot men som vanligt. Sporadisk: hotspot nu men inte ovanligt.',
  ],
  ['Väntat', 'Det antal rutan med grannrutor brukar ha en vecka, enligt de föregående veckorna.'],
  ['Ingen jämförelse', 'Någon källa saknar data för jämförelseveckan, så ingen skillnad prövas.'],
  [
    'z-värde',
    'Hur många standardavvikelser rutans antal, med grannrutor, ligger från det väntade. Stora positiva värden är hotspots.',
  ],
  ['Mittpunkt', 'Rutans mitt som latitud, longitud (WGS 84), att söka på i en karta. Rutorna är sexhörningar (H3).'],
];

const P_METHOD_SV = { normal: 'normalapproximation', 'exact-binomial': 'exakt binomialtest' } as const;

/**
 * The report's data as an Excel workbook, one sheet per table (overview, stadsdelar, categories, hotspots,
 * places, hour × weekday, trend, calendar, annotations, actions) and one explaining the statistics.
 * Numbers stay numbers; text is defused; codes are written as their Swedish labels.
 */
export async function renderSituationXlsx(
  r: SituationReport,
  outlines: readonly Outline[],
  timeZone: string,
): Promise<Buffer> {
  const book = newWorkbook();
  const t = r.totals;
  const group = (code: string) => labelOf(CATEGORY_GROUP_LABELS, code);
  sheet(
    book,
    'Översikt',
    ['Uppgift', 'Värde'],
    [
      ['Område', r.scope.name],
      ['Vecka', r.week],
      ['Från', localMinute(r.period.start, timeZone)],
      ['Till (exkl.)', localMinute(r.period.end, timeZone)],
      ['Uttag', localMinute(r.generated_at, timeZone)],
      ['Urval kategorigrupper', r.filters.category_group?.map(group).join(', ') ?? 'alla'],
      ['Urval källor', r.filters.source?.map((s) => labelOf(SOURCE_LABELS, s)).join(', ') ?? 'alla'],
      ['Händelser', t.count],
      ['Förra veckan', t.vs_previous_week.reference],
      ['Samma vecka i fjol', t.vs_last_year.reference],
      ['Med punktläge', t.points],
      ['Grov position: område', t.coarse_area],
      ['Grov position: kommun', t.coarse_municipality],
      ['Utanför hotspotanalysen: grov position', r.hotspots.excluded_coarse],
      ['Utanför hotspotanalysen: exakt läge utanför områdets rutor', r.hotspots.excluded_outside ?? null],
      ['Jämförelse förra veckan', comparison(t.vs_previous_week)],
      ['Jämförelse samma vecka i fjol', comparison(t.vs_last_year)],
    ],
  );
  sheet(
    book,
    'Stadsdelar',
    [
      'Stadsdel',
      'Antal',
      'Varav grov position',
      'Varav våld/hot',
      'Förra veckan',
      ...changeCols.map((c) => `Förra v.: ${c}`),
      'Fjol',
      ...changeCols.map((c) => `Fjol: ${c}`),
      'Per 1000 inv.',
      'Invånare',
      'Invånarår',
      'Föreslagen bedömning',
      'Poäng',
      'Bekräftad bedömning',
      'Förra veckans bedömning',
    ],
    r.neighbourhoods.map((n) => [
      n.name,
      n.count,
      n.coarse,
      n.violence,
      n.vs_previous_week.reference,
      ...changeCells(n.vs_previous_week),
      n.vs_last_year.reference,
      ...changeCells(n.vs_last_year),
      n.rate_per_1000?.rate ?? null,
      n.rate_per_1000?.population ?? null,
      n.rate_per_1000?.population_year ?? null,
      RATING_LABELS[n.rating.proposed].sv,
      n.rating.score,
      n.rating.confirmed ? RATING_LABELS[n.rating.confirmed.level].sv : null,
      n.rating.previous_week_confirmed ? RATING_LABELS[n.rating.previous_week_confirmed].sv : null,
    ]),
  );
  sheet(
    book,
    'Kategorier',
    [
      'Kategori',
      'Grupp',
      'Antal',
      'Förra veckan',
      ...changeCols.map((c) => `Förra v.: ${c}`),
      'Fjol',
      ...changeCols.map((c) => `Fjol: ${c}`),
    ],
    r.categories.map((c) => [
      c.label_sv,
      group(c.group_code),
      c.count,
      c.vs_previous_week.reference,
      ...changeCells(c.vs_previous_week),
      c.vs_last_year.reference,
      ...changeCells(c.vs_last_year),
    ]),
  );
  const h = r.hotspots;
  // The report names the cell (stadsdel and nearest place or street); frozen reports from before say only the stadsdel.
  const where = ({ cell, place }: { cell: string; place?: HotspotPlace | undefined }): Cell[] => {
    const [lon, lat] = h3CellCentre(cell);
    const hood = outlines.find((o) => booleanPointInPolygon([lon, lat], o.geometry))?.name ?? '–';
    return [place?.text_sv ?? hood, `${lat.toFixed(5)}, ${lon.toFixed(5)}`];
  };
  sheet(
    book,
    'Hotspots',
    [
      'Plats',
      'Mittpunkt (lat, lon)',
      'Antal',
      'Antal med grannrutor',
      'z-värde',
      'p-värde',
      'p-värde, korrigerat',
      'Klass',
    ],
    [
      ...h.cells.map(
        (c) => [...where(c), c.count, c.local_sum, c.z, c.p, c.p_adjusted, GI_CLASS_LABELS[c.class].sv] as Cell[],
      ),
      [],
      [
        `Metod: Getis-Ord Gi* på sexhörningar (H3, upplösning ${h.resolution}), ${h.k} grannar, ${h.n} rutor; p-värden med ${P_METHOD_SV[h.p_method]}, korrigerade för många prövningar (Benjamini–Hochberg), gräns ${String(h.alpha).replace('.', ',')}.`,
      ],
    ],
  );
  const e = r.emerging;
  if (e) {
    sheet(
      book,
      'Ovanligt för platsen',
      [
        'Klass',
        'Plats',
        'Mittpunkt (lat, lon)',
        'Antal med grannrutor',
        'Väntat',
        'p-värde',
        'p-värde, korrigerat',
        'Hotspot (Gi*) denna vecka',
        'Veckor som hotspot förut',
      ],
      [
        ...e.cells.map(
          (c) =>
            [
              EMERGING_CLASS_LABELS[c.class].sv,
              ...where(c),
              c.local_sum,
              c.expected,
              c.p,
              c.p_adjusted,
              yesNo(c.gi_hot),
              c.hot_weeks_before,
            ] as Cell[],
        ),
        [],
        [
          `Metod: rutan och dess ${e.k} grannar jämförs med samma rutor vecka ${e.from_week}–${e.to_week} (${e.baseline_weeks} veckor), negativ binomialfördelning, korrigerat för många prövningar (Benjamini–Hochberg), gräns ${String(e.alpha).replace('.', ',')}; ihållande = hotspot minst ${e.persistent_share * 100} % av veckorna.`,
        ],
      ],
    );
  }
  sheet(
    book,
    'Platser',
    ['Plats', 'Typ', 'Inne/ute', 'Longitud', 'Latitud', 'Antal 52 veckor', 'Antal veckan', 'Upprepad plats'],
    r.top_places.places.map((p) => [
      p.name ?? 'Gatuläge',
      p.type ? labelOf(PLACE_TYPE_LABELS, p.type) : 'Gatuläge (ej registrerad plats)',
      p.setting ? PLACE_SETTING_LABELS[p.setting].sv : '–',
      p.lon,
      p.lat,
      p.count,
      p.week_count,
      yesNo(p.repeat),
    ]),
  );
  sheet(
    book,
    'Tid',
    ['Veckodag', ...Array.from({ length: 24 }, (_, i) => `kl. ${String(i).padStart(2, '0')}`)],
    r.time_profile.matrix.map((row, i) => [WEEKDAYS_SV[i] ?? '', ...row]),
  );
  sheet(
    book,
    'Trend',
    ['Vecka', 'Antal', 'Med punktläge'],
    r.trend.map((w) => [w.week, w.count, w.points]),
  );
  sheet(
    book,
    'Årshjul',
    ['Typ', 'Benämning', 'Veckor'],
    [
      ...r.calendar.peaks.map(
        (p) =>
          [
            'Återkommande topp',
            `hög ${p.years_high} år, ${String(p.mean_ratio).replace('.', ',')} × årsmedel`,
            String(p.week_number),
          ] as Cell[],
      ),
      ...r.calendar.known_periods.map((p) => ['Känd period', p.label_sv, p.weeks.join(', ')] as Cell[]),
      [],
      ['År som används', r.calendar.years_used.join(', ')],
      [
        'Regel',
        'En vecka är hög ett år när antalet är minst 1,2 gånger årets veckomedel och klart högre än resten av året (p < 0,05); en topp är ett veckonummer som varit högt minst två av åren.',
      ],
    ],
  );
  sheet(
    book,
    'Anteckningar',
    ['Datum', 'Vecka', 'Typ', 'Text'],
    r.annotations.map((a) => [a.date, a.week, labelOf(ANNOTATION_KIND_LABELS, a.kind), a.text]),
  );
  sheet(
    book,
    'Åtgärder',
    ['Åtgärd', 'Ansvarig enhet', 'Klart senast', 'Status', 'Försenad', 'Mötesvecka'],
    r.previous_actions.map((a) => [
      a.title,
      a.unit_name,
      a.due_date,
      ACTION_STATUS_LABELS[a.status].sv,
      yesNo(a.overdue),
      a.meeting_week,
    ]),
  );
  sheet(book, 'Förklaringar', ['Kolumn', 'Betydelse'], EXPLANATIONS);
  return workbookBuffer(book);
}

import { cellToLatLng } from 'h3-js';
import { localDay, localMinute } from '../../domain/calendar/index.js';
import {
  ACTION_STATUS_LABELS,
  CATEGORY_GROUP_LABELS,
  GI_CLASS_LABELS,
  labelOf,
  PLACE_SETTING_LABELS,
  PLACE_TYPE_LABELS,
  SOURCE_LABELS,
} from '../../domain/labels.js';
import { RATING_LABELS, type Change, type SituationReport } from '../../domain/situation.js';
import { type Doc, heading, MARGIN, note, num, renderPdf, table, WIDTH } from '../reports/pdf-layout.js';
import { drawMap, drawMapLegend, drawTimeGrid, drawTrend, type Outline } from './pdf-charts.js';

/** What the PDF says about where its figures come from. */
export interface PdfContext {
  outlines: readonly Outline[];
  /** Set for a frozen report: when and by whom. */
  frozen?: { at: string; by: string } | undefined;
  /** The organisation's zone: dates and times are its wall clock's. */
  timeZone: string;
}

const WEEKDAYS_SV = ['Mån', 'Tis', 'Ons', 'Tor', 'Fre', 'Lör', 'Sön'];

/** A figure with the decimals it has (the API rounds), written as the web page writes it: 2,5, not 2,50. */
const decimal = (x: number) => x.toLocaleString('sv-SE').replace(/\u00a0|\u2212/g, (c) => (c === '\u2212' ? '-' : ' '));

/** '+5 *' style: the difference and a star when the exact test says it is more than chance. */
function changeText(count: number, c: Change): string {
  if (c.comparable === false) return 'ingen jämförelse';
  const d = count - c.reference;
  return `${d > 0 ? '+' : ''}${num(d)}${c.significant ? ' *' : ''}`;
}

// Formats a local day (noon UTC of it), so the formatter needs no zone of its own.
const LONG_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** The local day of an instant written out in Swedish ('23 november 2026'). */
function swedishDate(iso: string, timeZone: string): string {
  return LONG_DATE.format(new Date(`${localDay(iso, timeZone)}T12:00:00Z`));
}

function firstPage(doc: Doc, r: SituationReport, ctx: PdfContext): void {
  const [year, week] = [r.week.slice(0, 4), String(Number(r.week.slice(6)))];
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#102a43').text(`Lägesbild vecka ${week} ${year}`, MARGIN, MARGIN);
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor('#334e68')
    .text(r.scope.kind === 'city' ? `Hela staden (${r.scope.name})` : `Stadsdelsområde ${r.scope.name}`);
  const end = new Date(new Date(r.period.end).getTime() - 3_600_000 * 12).toISOString();
  const made = ctx.frozen
    ? `Fryst ${localMinute(ctx.frozen.at, ctx.timeZone)} av ${ctx.frozen.by}`
    : `Uttag ${localMinute(r.generated_at, ctx.timeZone)} (ej fryst)`;
  note(
    doc,
    `Måndag ${swedishDate(r.period.start, ctx.timeZone)} – söndag ${swedishDate(end, ctx.timeZone)}. ${made}.` +
      (r.filters.category_group || r.filters.source
        ? ` Urval: ${[r.filters.category_group?.map((g) => labelOf(CATEGORY_GROUP_LABELS, g)).join(', '), r.filters.source?.map((x) => labelOf(SOURCE_LABELS, x)).join(', ')].filter(Boolean).join('; ')}.`
        : ''),
  );

  const t = r.totals;
  const boxes: Array<[string, string, string]> = [
    [
      'Händelser',
      num(t.count),
      `förra veckan ${num(t.vs_previous_week.reference)} (${changeText(t.count, t.vs_previous_week)})`,
    ],
    ['Samma vecka i fjol', num(t.vs_last_year.reference), `förändring ${changeText(t.count, t.vs_last_year)}`],
    [
      'Med punktläge',
      num(t.points),
      `grov position: ${num(t.coarse_area)} område, ${num(t.coarse_municipality)} kommun`,
    ],
    [
      'Hot spots',
      num(r.hotspots.cells.filter((c) => c.class.startsWith('hot')).length),
      `av ${num(r.hotspots.n)} celler`,
    ],
  ];
  const bw = WIDTH / boxes.length;
  const y = doc.y + 4;
  boxes.forEach(([label, value, sub], i) => {
    const x = MARGIN + i * bw;
    doc.rect(x + 2, y, bw - 4, 50).fill('#f0f4f8');
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#486581')
      .text(label, x + 8, y + 6, { width: bw - 16 });
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .fillColor('#102a43')
      .text(value, x + 8, y + 17, { width: bw - 16 });
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .fillColor('#486581')
      .text(sub, x + 8, y + 37, { width: bw - 16, lineBreak: false });
  });
  doc.y = y + 58;
  const mapBox = { x: MARGIN, y: doc.y, w: WIDTH, h: 470 };
  drawMap(doc, mapBox, ctx.outlines, r);
  doc.y = drawMapLegend(doc, MARGIN, mapBox.y + mapBox.h + 6);
  const h = r.hotspots;
  note(
    doc,
    `Karta: stadsdelar färgade efter områdesbedömning (bekräftad, annars föreslagen), händelser med exakt läge eller plats som punkter. ` +
      `Hot spots: ${h.method} på H3-celler upplösning ${h.resolution}, k = ${h.k} (cellen och dess sex grannar), n = ${num(h.n)} celler, ` +
      `${h.p_method === 'exact-binomial' ? 'exakt binomialt p' : 'normalapproximerat p'}, ${h.correction} alfa = ${num(h.alpha, 2)}; ` +
      `${num(h.incidents)} händelser med punktläge ingår; ${excludedText(h)} ingår inte. * = signifikant förändring (exakt villkorligt test, p < 0,05); ` +
      `"ingen jämförelse": en källa saknar data som täcker båda veckorna.`,
  );
}

/** What Gi* left out, the two kinds named apart (frozen reports from before the split have one sum). */
function excludedText(h: SituationReport['hotspots']): string {
  return h.excluded_outside === undefined
    ? `${num(h.excluded_coarse)} med grov position eller utanför områdets celler`
    : `${num(h.excluded_coarse)} med grov position (område eller kommun) och ${num(h.excluded_outside)} med exakt läge utanför områdets celler`;
}

const EMERGING_SV = {
  new: 'ny',
  intensifying: 'förstärkt',
  persistent: 'ihållande',
  sporadic: 'sporadisk',
} as const;

/** "Unusual for the place": the cells the baseline test and the Gi* history class, with how the classes are made. */
/** The week's Gi* hotspots by name (stadsdel and nearest place or street), most significant first. */
function hotspotSection(doc: Doc, r: SituationReport): void {
  const hot = r.hotspots.cells.filter((c) => c.class.startsWith('hot')).slice(0, 20);
  heading(doc, 'Hot spots veckan');
  if (!hot.length) {
    note(doc, 'Inga hot spots den här veckan.');
    return;
  }
  table(
    doc,
    [
      { title: 'Plats', width: 270 },
      { title: 'Händelser i rutan', width: 80, align: 'right' },
      { title: 'Med grannrutor', width: 80, align: 'right' },
      { title: 'Säkerhet', width: 85 },
    ],
    hot.map((c) => [
      c.place?.text_sv ?? r.scope.name,
      num(c.count),
      num(c.local_sum),
      labelOf(GI_CLASS_LABELS, c.class),
    ]),
  );
  note(
    doc,
    '"Området runt omkring": rutan har inga egna händelser men ligger mitt bland grannrutor med många; platsen är närmaste registrerade plats eller gata.',
  );
}

function emergingSection(doc: Doc, r: SituationReport): void {
  const e = r.emerging;
  if (!e) return;
  heading(doc, 'Ovanligt för platsen (jämfört med platsens egna veckor)');
  note(
    doc,
    `Varje cell med sina sex grannar jämförs med samma celler vecka för vecka ${e.from_week} – ${e.to_week} (${e.baseline_weeks} veckor), ` +
      `negativ binomialfördelning med spridning skattad ur veckorna, Benjamini–Hochberg alfa = ${num(e.alpha, 2)} över ${num(e.n)} celler. ` +
      `Ny: ovanligt högt och aldrig hot spot tidigare veckor. Förstärkt: ovanligt högt på en plats som varit hot spot. ` +
      `Ihållande: hot spot (Gi*) men inte ovanligt för platsen, hot spot minst ${num(e.persistent_share * 100)} % av veckorna. ` +
      `Sporadisk: hot spot (Gi*) nu, mer sällan förut, inte ovanligt för platsen. ` +
      `Antal celler: ${num(e.counts.new)} nya, ${num(e.counts.intensifying)} förstärkta, ${num(e.counts.persistent)} ihållande, ${num(e.counts.sporadic)} sporadiska.`,
  );
  const rows = e.cells.slice(0, 30);
  if (!rows.length) return;
  table(
    doc,
    [
      { title: 'Klass', width: 60 },
      { title: 'Plats', width: 130 },
      { title: 'Veckan', width: 55, align: 'right' },
      { title: 'Väntat', width: 55, align: 'right' },
      { title: 'p justerat', width: 65, align: 'right' },
      { title: 'Hot spot veckor före', width: 90, align: 'right' },
    ],
    rows.map((c) => {
      const [lat, lon] = cellToLatLng(c.cell);
      return [
        EMERGING_SV[c.class],
        c.place?.text_sv ?? `${lat.toFixed(4)}, ${lon.toFixed(4)}`,
        num(c.local_sum),
        num(c.expected, 1),
        num(c.p_adjusted, 3),
        `${num(c.hot_weeks_before)} av ${num(e.baseline_weeks)}`,
      ];
    }),
  );
  if (e.cells.length > rows.length)
    note(doc, `Visar ${rows.length} av ${e.cells.length} celler; alla finns i Excel-filen.`);
}

function ratingsAndCategories(doc: Doc, r: SituationReport): void {
  heading(doc, 'Områdesbedömning per stadsdel');
  const hoods = r.neighbourhoods;
  table(
    doc,
    [
      { title: 'Stadsdel', width: 118 },
      { title: 'Antal', width: 38, align: 'right' },
      { title: 'Förra v.', width: 40, align: 'right' },
      { title: 'Förändr.', width: 42, align: 'right' },
      { title: 'Fjol', width: 34, align: 'right' },
      { title: 'Per 1 000 inv.', width: 70, align: 'right' },
      { title: 'Förslag', width: 64 },
      { title: 'Bekräftad', width: 64 },
      { title: 'Föreg. bed.', width: 45 },
    ],
    hoods.map((n) => [
      n.name,
      num(n.count),
      num(n.vs_previous_week.reference),
      changeText(n.count, n.vs_previous_week),
      num(n.vs_last_year.reference),
      n.rate_per_1000 ? `${decimal(n.rate_per_1000.rate)} (${n.rate_per_1000.population_year})` : '–',
      `${n.rating.proposed} ${RATING_LABELS[n.rating.proposed].sv}`,
      n.rating.confirmed ? `${n.rating.confirmed.level} ${RATING_LABELS[n.rating.confirmed.level].sv}` : 'ej bekräftad',
      n.rating.previous_week_confirmed
        ? `${n.rating.previous_week_confirmed} ${RATING_LABELS[n.rating.previous_week_confirmed].sv}`
        : '–',
    ]),
    (row, col) => {
      const n = hoods[row]!;
      if (col === 6) return RATING_LABELS[n.rating.proposed].colour;
      if (col === 7 && n.rating.confirmed) return RATING_LABELS[n.rating.confirmed.level].colour;
      return undefined;
    },
  );
  note(
    doc,
    'Förslaget räknas fram ur veckans händelser enligt distriktets gränser (våld/hot viktas); samordnaren bekräftar. Invånartal: senaste kända år (inom parentes).',
  );

  heading(doc, 'Kategorier');
  table(
    doc,
    [
      { title: 'Kategori', width: 150 },
      { title: 'Antal', width: 50, align: 'right' },
      { title: 'Förra veckan', width: 65, align: 'right' },
      { title: 'Förändring', width: 60, align: 'right' },
      { title: 'Samma v. i fjol', width: 70, align: 'right' },
      { title: 'Förändring', width: 60, align: 'right' },
      { title: 'p (exakt)', width: 60, align: 'right' },
    ],
    r.categories.map((c) => [
      c.label_sv,
      num(c.count),
      num(c.vs_previous_week.reference),
      changeText(c.count, c.vs_previous_week),
      num(c.vs_last_year.reference),
      changeText(c.count, c.vs_last_year),
      c.vs_previous_week.p_exact === null ? '–' : num(c.vs_previous_week.p_exact, 3),
    ]),
  );
}

function timeAndPlaces(doc: Doc, r: SituationReport): void {
  doc.addPage();
  heading(doc, `Utveckling 52 veckor (${r.trend[0]?.week} – ${r.week})`);
  const trendBox = { x: MARGIN, y: doc.y, w: WIDTH, h: 150 };
  drawTrend(doc, trendBox, r);
  doc.y = trendBox.y + trendBox.h + 4;
  note(
    doc,
    'Staplar: händelser per vecka; röd = rapportveckan; streckad lila linje = anteckning om ändrad rapportering (se nedan).',
  );
  for (const a of r.annotations) note(doc, `${a.date} (${a.week}): ${a.text}`);

  heading(doc, `Tid på dygnet × veckodag (${r.time_profile.from_week} – ${r.time_profile.to_week})`);
  const gridBox = { x: MARGIN, y: doc.y, w: WIDTH, h: 110 };
  drawTimeGrid(doc, gridBox, r.time_profile.matrix, WEEKDAYS_SV);
  doc.y = gridBox.y + gridBox.h + 6;

  const tp = r.top_places;
  heading(doc, `Platser med flest händelser (${tp.from_week} – ${tp.to_week})`);
  table(
    doc,
    [
      { title: 'Plats', width: 200 },
      { title: 'Typ', width: 110 },
      { title: 'Inne/ute', width: 55 },
      { title: '52 veckor', width: 75, align: 'right' },
      { title: 'Veckan', width: 75, align: 'right' },
    ],
    tp.places.map((p) => [
      p.name ?? `Gatuläge ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}`,
      p.type ? labelOf(PLACE_TYPE_LABELS, p.type) : 'Gatuläge (ej registrerad plats)',
      p.setting ? PLACE_SETTING_LABELS[p.setting].sv : '–',
      num(p.count),
      num(p.week_count),
    ]),
  );
  note(
    doc,
    `Koncentration: de ${num(tp.concentration.top_places)} mest utsatta platserna (5 %) har ${num(tp.concentration.share_at_top * 100, 1)} % av händelserna; ` +
      `${num(tp.concentration.repeat_places)} platser med upprepade händelser har ${num(tp.concentration.share_at_repeat_places * 100, 1)} %.`,
  );

  heading(doc, 'Årshjul');
  const cal = r.calendar;
  note(
    doc,
    cal.this_week.length
      ? `Den här veckan: ${cal.this_week.join('; ')}.`
      : 'Den här veckan: ingen känd eller återkommande topp.',
  );
  note(
    doc,
    cal.peaks.length
      ? `Återkommande toppar (veckor): ${cal.peaks.map((p) => `v ${p.week_number} (${p.years_high} år)`).join(', ')}; lärt av ${cal.years_used.join(', ')}.`
      : `Inga återkommande toppar ${cal.years_used.length ? `i ${cal.years_used.join(', ')}` : '(för lite data från tidigare år)'}.`,
  );

  heading(doc, 'Åtgärder från föregående möten');
  if (!r.previous_actions.length) note(doc, 'Inga åtgärder att följa upp.');
  else
    table(
      doc,
      [
        { title: 'Åtgärd', width: 230 },
        { title: 'Ansvarig', width: 130 },
        { title: 'Klart senast', width: 65 },
        { title: 'Status', width: 90 },
      ],
      r.previous_actions.map((a) => [
        a.title,
        a.unit_name,
        a.due_date,
        `${ACTION_STATUS_LABELS[a.status].sv}${a.overdue ? ' (försenad)' : ''}`,
      ]),
    );
}

/**
 * The situation report as an A4 PDF in Swedish: key figures and the map on page one, ratings and categories,
 * then trend, time profile, places, calendar and actions. Helvetica's WinAnsi encoding covers å, ä, ö; text
 * sticks to that character set (no arrows or minus signs outside it).
 */
export function renderSituationPdf(report: SituationReport, ctx: PdfContext): Promise<Buffer> {
  return renderPdf(`Lägesbild ${report.scope.name} ${report.week}`, (doc) => {
    firstPage(doc, report, ctx);
    doc.addPage();
    ratingsAndCategories(doc, report);
    hotspotSection(doc, report);
    emergingSection(doc, report);
    timeAndPlaces(doc, report);
  });
}

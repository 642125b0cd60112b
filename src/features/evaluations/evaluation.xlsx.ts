import { isoWeekMonday } from '../../domain/calendar/index.js';
import { EVALUATION_METHOD_LABELS, EVALUATION_STATUS_LABELS, yesNo, ZONE_CHANGE_LABELS } from '../../domain/labels.js';
import { type Cell, newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import { bufferText, type EvaluationReport, reportTitle, siteNames } from './evaluation-report.js';

const PERIOD_LABELS = { before: 'Före', implementation: 'Genomförande', after: 'Efter' } as const;
const DATE = { numFmt: 'yyyy-mm-dd', width: 12 };
const RATIO = { numFmt: '0.00', width: 12 };
const PERCENT = { numFmt: '0.0%', width: 14 };

/** A calendar day as an Excel date (midnight UTC, which Excel shows as that day). */
const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** A percent from the API (−50) as the fraction Excel formats as a percent (−0,5 → −50,0 %). */
const share = (x: number | null) => (x === null ? null : x / 100);

/**
 * The evaluation as a workbook a researcher computes on: the design, the counts, the effects, displacement,
 * zones and the weekly series, Swedish headers, numbers as numbers, days as dates.
 */
export function renderEvaluationXlsx(r: EvaluationReport): Promise<Buffer> {
  const e = r.evaluation;
  const res = r.results;
  const book = newWorkbook();
  book.title = reportTitle(r);
  const period = (label: string, p: { from: string; to: string } | null): Cell[][] =>
    p ? [[label, null, day(p.from), day(p.to)]] : [];
  sheet(
    book,
    'Upplägg',
    ['Del av upplägget', 'Val', 'Från och med', 'Till och med'],
    [
      ['Utvärdering', e.title, null, null],
      ...(r.measure ? [['Åtgärd', r.measure, null, null]] : []),
      ['Status', EVALUATION_STATUS_LABELS[e.status].sv, null, null],
      ['Åtgärdsplats', siteNames(e.treatment), null, null],
      ['Jämförelseplatser', siteNames(e.comparison), null, null],
      ['Buffertområde', bufferText(e), null, null],
      ...period('Före-period', e.before),
      ...period('Genomförande (räknas inte)', e.implementation),
      ...period('Efter-period', e.after),
      ['Händelser som räknas', e.categories.map((c) => c.label_sv).join(', '), null, null],
      ['Utvärderarens slutsats', e.conclusion ?? 'Ingen slutsats ännu', null, null],
      ['Upprättad', r.made, null, null],
    ],
    { 0: { width: 28 }, 1: { width: 70 }, 2: DATE, 3: DATE },
  );
  sheet(
    book,
    'Antal',
    ['Område', 'Före', 'Efter'],
    [
      ['Åtgärdsplats', res.counts.treatment.before, res.counts.treatment.after],
      ['Jämförelseplatser', res.counts.comparison.before, res.counts.comparison.after],
      ...(res.counts.buffer ? [['Buffertområde', res.counts.buffer.before, res.counts.buffer.after]] : []),
      ['Veckor', res.weeks.before, res.weeks.after],
    ],
    { 0: { width: 20 } },
  );
  sheet(
    book,
    'Effekter',
    [
      'Metod',
      'Skattning',
      'KI nedre (95 %)',
      'KI övre (95 %)',
      'Förändring',
      'Förändring KI nedre',
      'Förändring KI övre',
      'Sannolikt inte slump',
      'Tolkning',
      'Förbehåll',
    ],
    res.effects.map((x) => [
      EVALUATION_METHOD_LABELS[x.method].sv,
      x.estimate,
      x.lower,
      x.upper,
      share(x.percent_change),
      share(x.percent_lower),
      share(x.percent_upper),
      x.significant === null ? null : yesNo(x.significant),
      x.summary.sv,
      x.caveats.map((c) => c.text.sv).join(' '),
    ]),
    {
      0: { width: 30 },
      1: RATIO,
      2: RATIO,
      3: RATIO,
      4: PERCENT,
      5: PERCENT,
      6: PERCENT,
      8: { width: 80 },
      9: { width: 80 },
    },
  );
  const d = res.displacement;
  if (d)
    sheet(
      book,
      'Förflyttning',
      ['Mått', 'Värde', 'Tolkning'],
      [
        ['Viktad förflyttningskvot (WDQ)', d.wdq, d.summary.sv],
        ['Framgångsmått (åtgärdsplatsen mot jämförelsen)', d.success_measure, null],
        ['Buffertmått (buffertområdet mot jämförelsen)', d.buffer_measure, null],
        ['Total nettoeffekt (händelser)', d.total_net_effect, null],
      ],
      { 0: { width: 45 }, 1: RATIO, 2: { width: 80 } },
    );
  if (res.zones.length)
    sheet(
      book,
      'Per zon',
      ['Zon', 'Före', 'Efter', 'Förändring av andel'],
      res.zones.map((z) => [z.name, z.before, z.after, ZONE_CHANGE_LABELS[z.change].sv]),
      { 0: { width: 24 }, 3: { width: 22 } },
    );
  sheet(
    book,
    'Per vecka',
    ['År', 'Vecka', 'Måndag', 'Period', 'Åtgärdsplats', 'Jämförelseplatser'],
    res.series.map((w) => [
      Number(w.week.slice(0, 4)),
      Number(w.week.slice(6)),
      day(isoWeekMonday(w.week)),
      PERIOD_LABELS[w.period],
      w.treatment,
      w.comparison,
    ]),
    { 2: DATE, 3: { width: 14 } },
  );
  return workbookBuffer(book);
}

import type { EvaluationEffect } from '../../domain/evaluations.js';
import { EVALUATION_METHOD_LABELS, EVALUATION_STATUS_LABELS, ZONE_CHANGE_LABELS } from '../../domain/labels.js';
import {
  BOTTOM,
  type Doc,
  heading,
  MARGIN,
  note,
  num,
  pdfSafe,
  renderPdf,
  table,
  WIDTH,
} from '../reports/pdf-layout.js';
import { drawBeforeAfterChart } from './evaluation-chart.js';
import { bufferText, type EvaluationReport, periodText, reportTitle, siteNames } from './evaluation-report.js';

/** An estimate on its method's scale: a ratio with two decimals, a weekly level change with one. */
export function estimateText(e: EvaluationEffect): { estimate: string; interval: string; percent: string } {
  const digits = e.method === 'interrupted_time_series' ? 1 : 2;
  const signed = (x: number) => (e.method === 'interrupted_time_series' && x > 0 ? '+' : '') + num(x, digits);
  const percent = (x: number) => `${x > 0 ? '+' : ''}${num(Math.round(x))} %`;
  return {
    estimate: e.estimate === null ? '–' : signed(e.estimate),
    interval: e.lower === null || e.upper === null ? '–' : `${signed(e.lower)} till ${signed(e.upper)}`,
    percent:
      e.percent_change === null
        ? '–'
        : `${percent(e.percent_change)}${e.percent_lower === null || e.percent_upper === null ? '' : ` (${percent(e.percent_lower)} till ${percent(e.percent_upper)})`}`,
  };
}

const SCALES =
  'Skattningen står på metodens egen skala. RES och per besökare: (händelser före · jämförelse efter) / (händelser efter · jämförelse före); över 1 betyder färre händelser på åtgärdsplatsen än jämförelseplatserna ger anledning att vänta. Skillnad i skillnader: kvoten mellan åtgärdsplatsens och jämförelseplatsernas förändring; under 1 betyder färre. Tidsserien: förändringen i händelser per vecka vid åtgärden. KI är ett 95-procentigt konfidensintervall.';

function paragraph(doc: Doc, text: string, size = 9): void {
  doc.font('Helvetica').fontSize(size).fillColor('#212121').text(pdfSafe(text), MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
}

function design(doc: Doc, r: EvaluationReport): void {
  const e = r.evaluation;
  heading(doc, 'Upplägg');
  paragraph(
    doc,
    'Utvärderingen jämför platsen där åtgärden gjordes med liknande platser där inget ändrades, före och efter. Så går det att skilja åtgärdens effekt från det som hände överallt. Tiden då åtgärden genomfördes räknas inte med.',
  );
  table(
    doc,
    [
      { title: 'Del av upplägget', width: 130 },
      { title: 'Val', width: WIDTH - 130 },
    ],
    [
      ['Åtgärdsplats', siteNames(e.treatment)],
      ['Jämförelseplatser', siteNames(e.comparison)],
      ['Buffertområde', bufferText(e)],
      ['Före-period', periodText(e.before)],
      ...(e.implementation ? [['Genomförande (räknas inte)', periodText(e.implementation)]] : []),
      ['Efter-period', periodText(e.after)],
      ['Händelser som räknas', e.categories.map((c) => c.label_sv).join(', ')],
    ],
  );
}

function counts(doc: Doc, r: EvaluationReport): void {
  const c = r.results.counts;
  heading(doc, 'Antal händelser');
  table(
    doc,
    [
      { title: 'Område', width: 200 },
      { title: 'Före', width: 80, align: 'right' },
      { title: 'Efter', width: 80, align: 'right' },
    ],
    [
      ['Åtgärdsplats', num(c.treatment.before), num(c.treatment.after)],
      ['Jämförelseplatser', num(c.comparison.before), num(c.comparison.after)],
      ...(c.buffer ? [['Buffertområde', num(c.buffer.before), num(c.buffer.after)]] : []),
    ],
  );
  note(doc, `Före-perioden har ${r.results.weeks.before} veckor, efter-perioden ${r.results.weeks.after}.`);
}

function chart(doc: Doc, r: EvaluationReport): void {
  const height = 190;
  if (doc.y + height + 30 > BOTTOM) doc.addPage();
  heading(doc, 'Händelser per vecka, före och efter');
  drawBeforeAfterChart(doc, { x: MARGIN, y: doc.y, w: WIDTH, h: height }, r.results.series);
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

function effects(doc: Doc, r: EvaluationReport): void {
  heading(doc, 'Effekter');
  table(
    doc,
    [
      { title: 'Metod', width: 90 },
      { title: 'Skattning', width: 45, align: 'right' },
      { title: '95 % KI', width: 70, align: 'right' },
      { title: 'Förändring (95 % KI)', width: 90, align: 'right' },
      { title: 'Tolkning', width: WIDTH - 295 },
    ],
    r.results.effects.map((e) => {
      const t = estimateText(e);
      return [EVALUATION_METHOD_LABELS[e.method].sv, t.estimate, t.interval, t.percent, e.summary.sv];
    }),
  );
  note(doc, SCALES);
}

function displacement(doc: Doc, r: EvaluationReport): void {
  const d = r.results.displacement;
  // The heading, its sentence and the four rows stay on one page.
  if (doc.y > BOTTOM - 130) doc.addPage();
  heading(doc, 'Förflyttning');
  if (!d) {
    paragraph(
      doc,
      'Ingen förflyttning beräknad: upplägget saknar buffertområde, eller jämförelseplatserna saknar händelser i någon av perioderna.',
    );
    return;
  }
  paragraph(doc, d.summary.sv);
  table(
    doc,
    [
      { title: 'Mått', width: 260 },
      { title: 'Värde', width: 80, align: 'right' },
    ],
    [
      ['Viktad förflyttningskvot (WDQ)', d.wdq === null ? 'Kan inte beräknas' : num(d.wdq, 2)],
      ['Framgångsmått (åtgärdsplatsen mot jämförelsen)', num(d.success_measure, 2)],
      ['Buffertmått (buffertområdet mot jämförelsen)', num(d.buffer_measure, 2)],
      ['Total nettoeffekt (händelser)', num(d.total_net_effect, 1)],
    ],
  );
}

function zones(doc: Doc, r: EvaluationReport): void {
  if (!r.results.zones.length) return;
  if (doc.y > BOTTOM - 40 - 13 * r.results.zones.length) doc.addPage();
  heading(doc, 'Per zon i lokalen');
  table(
    doc,
    [
      { title: 'Zon', width: 200 },
      { title: 'Före', width: 60, align: 'right' },
      { title: 'Efter', width: 60, align: 'right' },
      { title: 'Förändring av andel', width: 140 },
    ],
    r.results.zones.map((z) => [z.name, num(z.before), num(z.after), ZONE_CHANGE_LABELS[z.change].sv]),
  );
}

function caveats(doc: Doc, r: EvaluationReport): void {
  heading(doc, 'Att tänka på');
  if (!r.results.caveats.length) paragraph(doc, 'Inga särskilda förbehåll.');
  for (const c of r.results.caveats) {
    doc.font('Helvetica').fontSize(9).fillColor('#212121');
    doc.text('•', MARGIN, doc.y, { continued: false, lineBreak: false });
    doc.text(pdfSafe(c.text.sv), MARGIN + 10, doc.y, { width: WIDTH - 10 });
    doc.moveDown(0.3);
  }
}

function conclusion(doc: Doc, r: EvaluationReport): void {
  if (doc.y > BOTTOM - 160) doc.addPage();
  heading(doc, 'Utvärderarens slutsats');
  paragraph(doc, r.evaluation.conclusion ?? 'Utvärderaren har inte skrivit någon slutsats ännu.', 10);
  doc.moveDown(1.5);
  const y = doc.y + 18;
  const w = (WIDTH - 40) / 3;
  ['Underskrift', 'Namnförtydligande', 'Ort och datum'].forEach((label, i) => {
    const x = MARGIN + i * (w + 20);
    doc
      .moveTo(x, y)
      .lineTo(x + w, y)
      .lineWidth(0.5)
      .strokeColor('#546e7a')
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#546e7a')
      .text(label, x, y + 3, { width: w, lineBreak: false });
  });
  doc.y = y + 16;
  doc.x = MARGIN;
}

/** The evaluation as an A4 report in Swedish: design, chart, effects, displacement, caveats, conclusion. */
export function renderEvaluationPdf(r: EvaluationReport): Promise<Buffer> {
  const title = reportTitle(r);
  return renderPdf(
    pdfSafe(title),
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(17).fillColor('#102a43').text(pdfSafe(title), MARGIN, MARGIN, {
        width: WIDTH,
      });
      doc.moveDown(0.2);
      doc.font('Helvetica').fontSize(11).fillColor('#334e68').text(pdfSafe(r.evaluation.title), { width: WIDTH });
      doc.moveDown(0.3);
      note(
        doc,
        `${EVALUATION_STATUS_LABELS[r.evaluation.status].sv}. Upprättad ${r.made}. Siffrorna är beräknade ur händelserna i Trygg när dokumentet upprättades.`,
      );
      design(doc, r);
      counts(doc, r);
      chart(doc, r);
      effects(doc, r);
      displacement(doc, r);
      zones(doc, r);
      caveats(doc, r);
      conclusion(doc, r);
    },
    { pageNumbers: true },
  );
}

import { type AnnualReport, annualHeadline } from '../../domain/annual.js';
import {
  ANNUAL_HEADLINE_LABELS,
  FOLLOWUP_ASSESSMENT_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_OUTCOME_LABELS,
  indicatorChangeText,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  REQUEST_STATUS_LABELS,
} from '../../domain/labels.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import { heading, MARGIN, note, num, renderPdf, table } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';

/** The same column words as the web page's Swedish (src/web/i18n/sv-reports.ts `annual`). */
const COL = {
  measure: 'Åtgärd',
  type: 'Typ',
  status: 'Status',
  responsible: 'Ansvarig',
  period: 'Period',
  followups: 'Uppföljningar',
  problem: 'Problem',
  measureCount: 'Åtgärder',
  recordedOn: 'Uppföljd',
  assessment: 'Bedömning',
  baseline: 'Nollmätning',
  value: 'Värde',
  change: 'Förändring',
  direction: 'Bättre är',
  outcome: 'Indikatorn',
  from: 'Från',
  to: 'Till',
  answer: 'Svar',
  due: 'Senast',
  answeredOn: 'Besvarad',
};
const CAPTION = {
  measures: 'Åtgärder som pågick under året',
  problems: 'Problem som åtgärderna riktades mot',
  indicators: 'Indikatorer vid årets uppföljningar',
  requests: 'Begäranden om stöd som besvarades under året',
};
const NONE = 'Inga under året.';
const period = (from: string | null, to: string | null) =>
  from || to ? `${from ?? '…'} – ${to ?? '…'}` : 'Ingen period angiven';
const assessment = (a: AnnualReport['indicators'][number]['assessment']) =>
  a ? FOLLOWUP_ASSESSMENT_LABELS[a].sv : '–';

function renderAnnualPdf(r: AnnualReport): Promise<Buffer> {
  return renderPdf(`Årsrapport ${r.year}: ${r.scope.unit.name}`, (doc) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(18)
      .fillColor('#102a43')
      .text(`Årsrapport ${r.year}: ${r.scope.unit.name}`, MARGIN, MARGIN);
    note(
      doc,
      `Trygghetsprogrammet: åtgärder, problem, indikatorer och begäranden om stöd. ${r.scope.kind === 'district' ? 'Allt arbete i stadsdelens geografi.' : 'Enhetens egna åtgärder.'} Varje siffra i sammanfattningen räknas ur tabellerna nedan.`,
    );
    heading(doc, 'Sammanfattning');
    table(
      doc,
      [
        { title: 'Mått', width: 380 },
        { title: 'Antal', width: 60, align: 'right' },
      ],
      annualHeadline(r.totals).map(([key, n]) => [ANNUAL_HEADLINE_LABELS[key].sv, num(n)]),
    );
    const section = (caption: string, n: number, draw: () => void) => {
      heading(doc, `${caption} (${n})`);
      if (n) draw();
      else note(doc, NONE);
    };
    section(CAPTION.measures, r.measures.length, () =>
      table(
        doc,
        [
          { title: COL.measure, width: 135 },
          { title: COL.type, width: 95 },
          { title: COL.status, width: 50 },
          { title: COL.responsible, width: 95 },
          { title: COL.period, width: 85 },
          { title: COL.followups, width: 55, align: 'right' },
        ],
        r.measures.map((m) => [
          m.title,
          MEASURE_TYPE_LABELS[m.type].sv,
          MEASURE_STATUS_LABELS[m.status].sv,
          m.responsible_unit.name,
          period(m.period_start, m.period_end),
          num(m.followups_recorded),
        ]),
      ),
    );
    section(CAPTION.problems, r.problems.length, () =>
      table(
        doc,
        [
          { title: COL.problem, width: 440 },
          { title: COL.measureCount, width: 75, align: 'right' },
        ],
        r.problems.map((p) => [p.name, num(p.measures)]),
      ),
    );
    section(CAPTION.indicators, r.indicators.length, () => {
      table(
        doc,
        [
          { title: COL.measure, width: 150 },
          { title: COL.recordedOn, width: 55 },
          { title: COL.assessment, width: 60 },
          { title: COL.baseline, width: 50, align: 'right' },
          { title: COL.value, width: 35, align: 'right' },
          { title: COL.change, width: 70, align: 'right' },
          { title: COL.outcome, width: 95 },
        ],
        r.indicators.map((i) => [
          i.measure.name,
          i.recorded_on,
          assessment(i.assessment),
          num(i.baseline),
          num(i.value),
          indicatorChangeText(i.change, i.change_percent),
          INDICATOR_OUTCOME_LABELS[i.outcome].sv,
        ]),
      );
      note(
        doc,
        `${COL.assessment} är vad den som registrerade uppföljningen angav. ${COL.outcome} räknas ur värdena och vilket håll som är bättre för problemets indikator.`,
      );
    });
    section(CAPTION.requests, r.requests.length, () =>
      table(
        doc,
        [
          { title: COL.from, width: 150 },
          { title: COL.to, width: 150 },
          { title: COL.answer, width: 75 },
          { title: COL.due, width: 70 },
          { title: COL.answeredOn, width: 70 },
        ],
        r.requests.map((q) => [
          q.from_unit.name,
          q.to_unit.name,
          REQUEST_STATUS_LABELS[q.status].sv,
          q.due_date,
          q.answered_on,
        ]),
      ),
    );
  });
}

async function renderAnnualXlsx(r: AnnualReport): Promise<Buffer> {
  const book = newWorkbook();
  sheet(
    book,
    'Sammanfattning',
    ['Mått', 'Antal'],
    annualHeadline(r.totals).map(([key, n]) => [ANNUAL_HEADLINE_LABELS[key].sv, n]),
  );
  sheet(
    book,
    'Åtgärder',
    [COL.measure, COL.type, COL.status, COL.responsible, 'Från och med', 'Till och med', COL.followups],
    r.measures.map((m) => [
      m.title,
      MEASURE_TYPE_LABELS[m.type].sv,
      MEASURE_STATUS_LABELS[m.status].sv,
      m.responsible_unit.name,
      m.period_start,
      m.period_end,
      m.followups_recorded,
    ]),
  );
  sheet(
    book,
    'Problem',
    [COL.problem, COL.measureCount],
    r.problems.map((p) => [p.name, p.measures]),
  );
  sheet(
    book,
    'Indikatorer',
    [
      COL.measure,
      COL.recordedOn,
      COL.assessment,
      COL.baseline,
      COL.value,
      COL.change,
      'Förändring (%)',
      COL.direction,
      COL.outcome,
    ],
    r.indicators.map((i) => [
      i.measure.name,
      i.recorded_on,
      assessment(i.assessment),
      i.baseline,
      i.value,
      i.change,
      i.change_percent,
      INDICATOR_DIRECTION_LABELS[i.direction].sv,
      INDICATOR_OUTCOME_LABELS[i.outcome].sv,
    ]),
  );
  sheet(
    book,
    'Begäranden',
    [COL.from, COL.to, COL.answer, COL.due, COL.answeredOn],
    r.requests.map((q) => [
      q.from_unit.name,
      q.to_unit.name,
      REQUEST_STATUS_LABELS[q.status].sv,
      q.due_date,
      q.answered_on,
    ]),
  );
  return workbookBuffer(book);
}

/** The annual follow-up as a PDF for the committee or an Excel workbook. */
export async function exportAnnualReport(report: AnnualReport, format: ExportFormat): Promise<ExportFile> {
  const body = format === 'pdf' ? await renderAnnualPdf(report) : await renderAnnualXlsx(report);
  return exportFile(body, format, `arsuppfoljning-${report.scope.kind}-${report.year}`);
}

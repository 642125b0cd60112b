import { localDay } from '../../domain/calendar/index.js';
import {
  COORDINATION_STATE_LABELS,
  INDICATOR_OUTCOME_LABELS,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  swedishDay,
  UNIT_KIND_LABELS,
} from '../../domain/labels.js';
import { type CompiledReport, type FollowupTotals, type GoalIndicator, periodName } from '../../domain/reporting.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import { type Doc, heading, MARGIN, note, num, renderPdf, table, WIDTH } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';

/** The headline figures in the order the document shows them. */
function headline(t: FollowupTotals): Array<[string, number]> {
  return [
    ['Åtgärder som pågick under perioden', t.measures],
    ['varav pågående', t.measures_by_status.ongoing],
    ['varav genomförda', t.measures_by_status.done],
    ['varav avbrutna', t.measures_by_status.stopped],
    ['Uppföljningar som skulle göras under perioden', t.followups_due],
    ['Uppföljningar som gjordes under perioden', t.followups_recorded],
    ['Försenade uppföljningar', t.followups_overdue],
    ['Indikatorer som förbättrats mot nollmätningen', t.indicators.better],
    ['Indikatorer som är oförändrade', t.indicators.unchanged],
    ['Indikatorer som försämrats', t.indicators.worse],
    ['Indikatorer som nått sitt mål', t.targets_met],
    ['Begäranden om stöd som enheterna gjort', t.requests_made],
    ['Begäranden om stöd som enheterna tagit emot', t.requests_received],
    ['Begäranden som besvarades under perioden', t.requests_answered],
  ];
}

const target = (i: GoalIndicator) => (i.target_value === null ? '–' : num(i.target_value));
const goalTitle = (g: CompiledReport['goals'][number]) => g.heading ?? `Avsnitt ${g.number}`;
const state = (u: CompiledReport['units'][number]) => COORDINATION_STATE_LABELS[u.state].sv;

function subheading(doc: Doc, text: string): void {
  doc.moveDown(0.2).font('Helvetica-Bold').fontSize(9.5).fillColor('#102a43').text(text, MARGIN, doc.y).moveDown(0.2);
}

function paragraph(doc: Doc, text: string): void {
  doc.font('Helvetica').fontSize(9).fillColor('#212121').text(text, MARGIN, doc.y, { width: WIDTH }).moveDown(0.3);
}

function goalSection(doc: Doc, g: CompiledReport['goals'][number], n: string): void {
  heading(doc, `${n} ${goalTitle(g)}`);
  note(doc, `Programmets avsnitt ${g.number}: ${g.body}`);
  subheading(doc, `${n}.1 Indikatorer mot nollmätning och mål`);
  if (g.indicators.length)
    table(
      doc,
      [
        { title: 'Indikator', width: 130 },
        { title: 'Enhet', width: 95 },
        { title: 'Nollmätning', width: 55, align: 'right' },
        { title: 'Värde', width: 45, align: 'right' },
        { title: 'Mål', width: 40, align: 'right' },
        { title: 'Utveckling', width: 60 },
        { title: 'Målet nått', width: 90 },
      ],
      g.indicators.map((i) => [
        `${i.title} (${i.where})`,
        i.unit.name,
        num(i.baseline.value),
        num(i.current.value),
        target(i),
        INDICATOR_OUTCOME_LABELS[i.outcome].sv,
        i.target_met === null ? 'Inget mål satt' : i.target_met ? 'Ja' : 'Nej',
      ]),
    );
  else note(doc, 'Målet följs inte upp med någon indikator under perioden.');
  subheading(doc, `${n}.2 Åtgärder per enhet`);
  if (g.measures.length)
    table(
      doc,
      [
        { title: 'Enhet', width: 130 },
        { title: 'Åtgärd', width: 185 },
        { title: 'Typ', width: 110 },
        { title: 'Status', width: 90 },
      ],
      g.measures.flatMap((u) =>
        u.measures.map((m) => [
          u.unit.name,
          m.title,
          MEASURE_TYPE_LABELS[m.type].sv,
          MEASURE_STATUS_LABELS[m.status].sv,
        ]),
      ),
    );
  else note(doc, 'Inga åtgärder riktade mot målets problem pågick under perioden.');
  if (g.comments.length) {
    subheading(doc, `${n}.3 Enheternas kommentarer`);
    for (const c of g.comments) paragraph(doc, `${c.unit.name}: ${c.comment}`);
  }
}

function renderPdfReport(r: CompiledReport, timeZone: string): Promise<Buffer> {
  const title = `Uppföljning av trygghetsprogrammet, ${periodName(r.period)}`;
  const districts = r.units.filter((u) => u.kind === 'district');
  const others = r.units.filter((u) => u.kind !== 'district');
  const submitted = r.units.filter((u) => u.summary !== null);
  return renderPdf(
    title,
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(title, MARGIN, MARGIN, { width: WIDTH });
      note(
        doc,
        `Sammanställning av stadsdelsnämndernas, facknämndernas och bolagens uppföljning för perioden ${swedishDay(r.period.from)} – ${swedishDay(r.period.to)}` +
          `${r.period.programme_version ? ` mot ${r.period.programme_version.title}` : ''}. Sista dag att lämna uppföljningen var ${swedishDay(r.period.deadline)}. ` +
          `Sammanställd ${swedishDay(localDay(r.generated_at, timeZone))}. En inskickad uppföljnings siffror är de som gällde när den skickades in; ` +
          'för övriga enheter är siffrorna hämtade ur systemet vid sammanställningen. Sekretessbelagda problem och åtgärder ingår inte.',
      );
      heading(doc, '1. Sammanfattning');
      table(
        doc,
        [
          { title: 'Mått', width: 420 },
          { title: 'Antal', width: 95, align: 'right' },
        ],
        [
          ['Enheter som ska rapportera', num(r.units.length)],
          ['Enheter som skickat in sin uppföljning', num(submitted.length)],
          ...headline(r.totals).map(([label, n]): [string, string] => [label, num(n)]),
        ],
      );
      heading(doc, '2. Stadsdelsnämndernas samordning');
      table(
        doc,
        [
          { title: 'Stadsdelsnämnd', width: 175 },
          { title: 'Status', width: 95 },
          { title: 'Inskickad', width: 85 },
          { title: 'Åtgärder', width: 55, align: 'right' },
          { title: 'Uppföljningar', width: 60, align: 'right' },
          { title: 'Försenade', width: 45, align: 'right' },
        ],
        districts.map((u) => [
          u.unit.name,
          state(u),
          u.submitted_at ? swedishDay(localDay(u.submitted_at, timeZone)) : '–',
          num(u.totals.measures),
          num(u.totals.followups_recorded),
          num(u.totals.followups_overdue),
        ]),
      );
      heading(doc, '3. Programmets mål');
      if (!r.goals.length) note(doc, 'Perioden följs inte upp mot något antaget program.');
      r.goals.forEach((g, i) => {
        goalSection(doc, g, `3.${i + 1}`);
      });
      heading(doc, '4. Facknämnder och bolag');
      table(
        doc,
        [
          { title: 'Enhet', width: 165 },
          { title: 'Slag', width: 75 },
          { title: 'Status', width: 95 },
          { title: 'Åtgärder', width: 55, align: 'right' },
          { title: 'Uppföljningar', width: 65, align: 'right' },
          { title: 'Begäranden', width: 60, align: 'right' },
        ],
        others.map((u) => [
          u.unit.name,
          UNIT_KIND_LABELS[u.kind].sv,
          state(u),
          num(u.totals.measures),
          num(u.totals.followups_recorded),
          num(u.totals.requests_made + u.totals.requests_received),
        ]),
      );
      heading(doc, '5. Enheternas sammanfattningar');
      if (!submitted.length) note(doc, 'Ingen enhet har skickat in sin uppföljning ännu.');
      submitted.forEach((u, i) => {
        subheading(doc, `5.${i + 1} ${u.unit.name}`);
        paragraph(doc, u.summary!);
      });
    },
    { pageNumbers: true },
  );
}

async function renderXlsxReport(r: CompiledReport, timeZone: string): Promise<Buffer> {
  const book = newWorkbook();
  sheet(
    book,
    'Sammanfattning',
    ['Mått', 'Antal'],
    headline(r.totals).map(([label, n]) => [label, n]),
  );
  sheet(
    book,
    'Enheter',
    [
      'Enhet',
      'Slag',
      'Status',
      'Inskickad',
      'Åtgärder',
      'Uppföljningar gjorda',
      'Försenade uppföljningar',
      'Begäranden gjorda',
      'Begäranden mottagna',
    ],
    r.units.map((u) => [
      u.unit.name,
      UNIT_KIND_LABELS[u.kind].sv,
      state(u),
      u.submitted_at ? localDay(u.submitted_at, timeZone) : null,
      u.totals.measures,
      u.totals.followups_recorded,
      u.totals.followups_overdue,
      u.totals.requests_made,
      u.totals.requests_received,
    ]),
  );
  sheet(
    book,
    'Indikatorer',
    ['Mål', 'Indikator', 'Plats', 'Enhet', 'Nollmätning', 'Värde', 'Mål för värdet', 'Utveckling', 'Målet nått'],
    r.goals.flatMap((g) =>
      g.indicators.map((i) => [
        `${g.number} ${goalTitle(g)}`,
        i.title,
        i.where,
        i.unit.name,
        i.baseline.value,
        i.current.value,
        i.target_value,
        INDICATOR_OUTCOME_LABELS[i.outcome].sv,
        i.target_met === null ? 'Inget mål satt' : i.target_met ? 'Ja' : 'Nej',
      ]),
    ),
  );
  sheet(
    book,
    'Åtgärder',
    ['Mål', 'Enhet', 'Åtgärd', 'Typ', 'Status'],
    r.goals.flatMap((g) =>
      g.measures.flatMap((u) =>
        u.measures.map((m) => [
          `${g.number} ${goalTitle(g)}`,
          u.unit.name,
          m.title,
          MEASURE_TYPE_LABELS[m.type].sv,
          MEASURE_STATUS_LABELS[m.status].sv,
        ]),
      ),
    ),
  );
  sheet(
    book,
    'Kommentarer',
    ['Mål', 'Enhet', 'Kommentar'],
    r.goals.flatMap((g) => g.comments.map((c) => [`${g.number} ${goalTitle(g)}`, c.unit.name, c.comment])),
  );
  return workbookBuffer(book);
}

/** The compiled report as a PDF for the committee's meeting or an Excel workbook. */
export async function exportCompiledReport(
  report: CompiledReport,
  format: ExportFormat,
  timeZone: string,
): Promise<ExportFile> {
  const body = format === 'pdf' ? await renderPdfReport(report, timeZone) : await renderXlsxReport(report, timeZone);
  const name = periodName(report.period)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-');
  return exportFile(body, format, `uppfoljning-trygghetsprogrammet-${name}`);
}

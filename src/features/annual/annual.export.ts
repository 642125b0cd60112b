import type { AnnualReport } from '../../domain/annual.js';
import type { FollowupAssessment, MeasureType } from '../../domain/measures.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import { heading, MARGIN, note, num, renderPdf, table } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';

const STATUS_SV = { planned: 'planerad', ongoing: 'pågår', done: 'genomförd', stopped: 'avbruten', requested: 'begärd', accepted: 'accepterad', declined: 'avböjd', delivered: 'levererad' } as const;
const TYPE_SV: Record<MeasureType, string> = {
  situational: 'situationell/fysisk (CPTED)', staffing: 'bemanning och arbetssätt', social: 'social', information: 'information', surveillance: 'bevakning/övervakning',
};
const ASSESSMENT_SV: Record<FollowupAssessment, string> = { improved: 'förbättrat', unchanged: 'oförändrat', worse: 'försämrat', unclear: 'oklart' };
const pct = (share: number | null) => (share === null ? '–' : `${num(share * 100, 0)} %`);

function renderAnnualPdf(r: AnnualReport): Promise<Buffer> {
  return renderPdf(`Årlig uppföljning ${r.year} ${r.scope.unit.name}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(`Årlig uppföljning ${r.year}: ${r.scope.unit.name}`, MARGIN, MARGIN);
    note(doc, `Trygghetsprogrammet: åtgärder, problem, indikatorer och begäran om stöd. ${r.scope.kind === 'district' ? 'Allt arbete i stadsdelens geografi.' : 'Enhetens egna åtgärder.'} Uttag ${r.generated_at.slice(0, 10)}.`);
    heading(doc, 'Sammanfattning');
    table(doc, [{ title: 'Mått', width: 380 }, { title: 'Antal', width: 60, align: 'right' }], [
      ['Åtgärder som genomförts under året', num(r.totals.measures_run)], ['Problem som åtgärderna riktats mot', num(r.totals.problems_addressed)],
      ['Uppföljningar gjorda', num(r.totals.followups_recorded)], ['Begäran om stöd besvarade', num(r.totals.requests_answered)],
    ]);
    heading(doc, 'Åtgärder');
    table(doc, [{ title: 'Åtgärd', width: 220 }, { title: 'Ansvarig', width: 130 }, { title: 'Status', width: 70 }, { title: 'Period', width: 95 }],
      r.measures.map((m) => [m.title, m.responsible_unit.name, STATUS_SV[m.status], `${m.period_start ?? '…'} – ${m.period_end ?? '…'}`]));
    heading(doc, 'Indikatorer vid uppföljning');
    table(doc, [{ title: 'Åtgärd', width: 220 }, { title: 'Datum', width: 65 }, { title: 'Nollmätning', width: 60, align: 'right' }, { title: 'Värde', width: 50, align: 'right' }, { title: 'Förändring', width: 60, align: 'right' }],
      r.indicators.map((i) => [i.measure.name, i.recorded_on, num(i.baseline), num(i.value), pct(i.change_share)]));
    heading(doc, 'Besvarade begäran om stöd');
    table(doc, [{ title: 'Från', width: 170 }, { title: 'Till', width: 170 }, { title: 'Svar', width: 80 }, { title: 'Besvarad', width: 95 }],
      r.requests.map((q) => [q.from_unit.name, q.to_unit.name, STATUS_SV[q.status], q.answered_on]));
  });
}

async function renderAnnualXlsx(r: AnnualReport): Promise<Buffer> {
  const book = newWorkbook();
  sheet(book, 'Sammanfattning', ['Mått', 'Antal'], [['Åtgärder', r.totals.measures_run], ['Problem', r.totals.problems_addressed], ['Uppföljningar', r.totals.followups_recorded], ['Besvarade begäran', r.totals.requests_answered]]);
  sheet(book, 'Åtgärder', ['Åtgärd', 'Typ', 'Status', 'Ansvarig', 'Från', 'Till', 'Uppföljningar', 'Id'],
    r.measures.map((m) => [m.title, TYPE_SV[m.type], STATUS_SV[m.status], m.responsible_unit.name, m.period_start, m.period_end, m.followups_recorded, m.id]));
  sheet(book, 'Problem', ['Problem', 'Åtgärder', 'Id'], r.problems.map((p) => [p.name, p.measures, p.id]));
  sheet(book, 'Indikatorer', ['Åtgärd', 'Datum', 'Bedömning', 'Nollmätning', 'Värde', 'Förändring', 'Andel'],
    r.indicators.map((i) => [i.measure.name, i.recorded_on, i.assessment ? ASSESSMENT_SV[i.assessment] : null, i.baseline, i.value, i.change, i.change_share]));
  sheet(book, 'Begäran', ['Från', 'Till', 'Svar', 'Sista dag', 'Besvarad', 'Id'], r.requests.map((q) => [q.from_unit.name, q.to_unit.name, STATUS_SV[q.status], q.due_date, q.answered_on, q.id]));
  return workbookBuffer(book);
}

/** The annual follow-up as a PDF for the committee or an Excel workbook. */
export async function exportAnnualReport(report: AnnualReport, format: ExportFormat): Promise<ExportFile> {
  const body = format === 'pdf' ? await renderAnnualPdf(report) : await renderAnnualXlsx(report);
  return exportFile(body, format, `arsuppfoljning-${report.scope.kind}-${report.year}`);
}

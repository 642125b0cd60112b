import type { RecordsExportResult } from '../../domain/records.js';
import { exportFile, type ExportFile } from '../reports/export-file.js';
import { heading, MARGIN, note, renderPdf, WIDTH } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';

const TYPE_SV: Record<string, string> = {
  incident: 'Händelser', problem: 'Problem', measure: 'Åtgärder', request: 'Förfrågningar', meeting: 'Möten',
  meeting_action: 'Mötesåtgärder', situation_report: 'Lägesbilder', agreement: 'Överenskommelser',
};

function columnsOf(result: RecordsExportResult): string[] {
  return [...new Set(result.records.flatMap((r) => Object.keys(r.fields)))];
}

function releaseLines(result: RecordsExportResult): Array<[string, string]> {
  const r = result.release;
  return [
    ['Diarienummer', r.request_ref], ['Mottagare', r.recipient], ['Handlingar', `${TYPE_SV[r.record_type]} (${r.record_ids.length})`],
    ['Utlämnat av', r.released_by], ['Utlämnat', r.released_at], ['Maskerade poster', String(r.masked.length)], ['Utlämnande-id', r.id],
  ];
}

/** The released records as Excel: one row per record (masked fields read [sekretess]) and a sheet on the release. */
async function toXlsx(result: RecordsExportResult): Promise<Buffer> {
  const book = newWorkbook();
  const columns = columnsOf(result);
  sheet(book, TYPE_SV[result.release.record_type] ?? 'Handlingar', ['id', 'sekretessnivå', ...columns, 'maskerade fält'],
    result.records.map((r) => [r.id, r.confidentiality, ...columns.map((c) => r.fields[c] ?? null), r.masked.join(', ')]));
  sheet(book, 'Utlämnande', ['Uppgift', 'Värde'], releaseLines(result));
  return workbookBuffer(book);
}

/** The released records as an A4 PDF: the release on top, then each record field by field (text is drawn, never interpreted). */
function toPdf(result: RecordsExportResult): Promise<Buffer> {
  return renderPdf(`Utlämnande ${result.release.request_ref}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#102a43').text(`Utlämnande av allmänna handlingar — ${result.release.request_ref}`, MARGIN, MARGIN, { width: WIDTH });
    for (const [k, v] of releaseLines(result)) note(doc, `${k}: ${v}`);
    note(doc, 'Uppgifter ur handlingar med sekretessnivå "restricted" är maskerade ([sekretess]); personuppgifter är borttagna.');
    for (const r of result.records) {
      heading(doc, `${r.id} (${r.confidentiality})`);
      for (const [k, v] of Object.entries(r.fields)) {
        doc.font('Helvetica').fontSize(8).fillColor('#212121').text(`${k}: ${v ?? '—'}`, MARGIN, doc.y, { width: WIDTH });
      }
      if (r.masked.length) note(doc, `Maskerat: ${r.masked.join(', ')}`);
    }
  });
}

/** The release as a download in the format it was made for (xlsx or pdf). */
export async function releaseFile(result: RecordsExportResult): Promise<ExportFile> {
  const base = `utlamnande-${result.release.request_ref.replace(/[^\w.-]+/g, '_')}`;
  return result.release.format === 'pdf' ? exportFile(await toPdf(result), 'pdf', base) : exportFile(await toXlsx(result), 'xlsx', base);
}

import { localMinute } from '../../analysis/stats/local-time.js';
import type { RecordType } from '../../domain/confidentiality.js';
import { CONFIDENTIALITY_LABELS } from '../../domain/labels.js';
import type { RecordsExportResult } from '../../domain/records.js';
import { exportFile, type ExportFile } from '../reports/export-file.js';
import { heading, MARGIN, note, renderPdf, WIDTH } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import { documentFields, documentValue, recordFieldLabel } from './records.labels.js';

const TYPE_SV: Record<RecordType, string> = {
  incident: 'Händelser', problem: 'Problem', measure: 'Åtgärder', request: 'Begäranden om stöd', meeting: 'Möten',
  meeting_action: 'Mötesåtgärder', situation_report: 'Lägesbilder', agreement: 'Överenskommelser',
};

function columnsOf(result: RecordsExportResult): string[] {
  return documentFields([...new Set(result.records.flatMap((r) => Object.keys(r.fields)))]);
}

function releaseLines(result: RecordsExportResult): Array<[string, string]> {
  const r = result.release;
  return [
    ['Diarienummer', r.request_ref], ['Mottagare', r.recipient], ['Handlingar', `${TYPE_SV[r.record_type]} (${r.record_ids.length})`],
    ['Utlämnat av', r.released_by], ['Utlämnat', localMinute(r.released_at)], ['Maskerade poster', String(r.masked.length)],
  ];
}

const masked = (fields: readonly string[]) => fields.map(recordFieldLabel).join(', ');

/** The released records as Excel: one row per record, numbered (masked fields read [sekretess]) and a sheet on the release. */
async function toXlsx(result: RecordsExportResult): Promise<Buffer> {
  const book = newWorkbook();
  const type = result.release.record_type;
  const columns = columnsOf(result);
  sheet(book, TYPE_SV[type], ['Nr', 'Sekretessnivå', ...columns.map(recordFieldLabel), 'Maskerade uppgifter'],
    result.records.map((r, i) => [i + 1, CONFIDENTIALITY_LABELS[r.confidentiality].sv, ...columns.map((c) => documentValue(type, c, r.fields[c] ?? null)), masked(r.masked)]));
  sheet(book, 'Utlämnande', ['Uppgift', 'Värde'], releaseLines(result));
  return workbookBuffer(book);
}

/** The released records as an A4 PDF: the release on top, then each record field by field (text is drawn, never interpreted). */
function toPdf(result: RecordsExportResult): Promise<Buffer> {
  const type = result.release.record_type;
  return renderPdf(`Utlämnande ${result.release.request_ref}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#102a43').text(`Utlämnande av allmänna handlingar — ${result.release.request_ref}`, MARGIN, MARGIN, { width: WIDTH });
    for (const [k, v] of releaseLines(result)) note(doc, `${k}: ${v}`);
    note(doc, `Uppgifter ur handlingar med sekretessnivån "${CONFIDENTIALITY_LABELS.restricted.sv}" är maskerade ([sekretess]); personuppgifter är borttagna.`);
    result.records.forEach((r, i) => {
      heading(doc, `Handling ${i + 1} (${CONFIDENTIALITY_LABELS[r.confidentiality].sv})`);
      for (const k of documentFields(Object.keys(r.fields))) {
        doc.font('Helvetica').fontSize(8).fillColor('#212121').text(`${recordFieldLabel(k)}: ${documentValue(type, k, r.fields[k] ?? null) ?? '—'}`, MARGIN, doc.y, { width: WIDTH });
      }
      if (r.masked.length) note(doc, `Maskerat: ${masked(r.masked)}`);
    });
  });
}

/** The release as a download in the format it was made for (xlsx or pdf). */
export async function releaseFile(result: RecordsExportResult): Promise<ExportFile> {
  const base = `utlamnande-${result.release.request_ref.replace(/[^\w.-]+/g, '_')}`;
  return result.release.format === 'pdf' ? exportFile(await toPdf(result), 'pdf', base) : exportFile(await toXlsx(result), 'xlsx', base);
}

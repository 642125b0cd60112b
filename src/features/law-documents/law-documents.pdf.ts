import { localDay } from '../../domain/calendar/index.js';
import { LAW_DOCUMENT_KIND_LABELS, type LawDocumentVersion } from '../../domain/law-documents.js';
import { type ExportFile, exportFile } from '../reports/export-file.js';
import { type Doc, heading, MARGIN, note, renderPdf, table, WIDTH } from '../reports/pdf-layout.js';
import { swedishDay } from '../../domain/labels.js';

const STATUS_TEXT: Record<LawDocumentVersion['status'], string> = {
  draft: 'Utkast, inte antaget',
  adopted: 'Antagen',
  replaced: 'Ersatt av en senare antagen version',
};

/** The line under the title: version, status and, once adopted, the council's decision and its day. */
function statusLine(d: LawDocumentVersion): string {
  const decided =
    d.decision_ref && d.adopted_on ? ` genom beslut ${d.decision_ref} den ${swedishDay(d.adopted_on)}` : '';
  return `Version ${d.version}. ${STATUS_TEXT[d.status]}${decided}.`;
}

/** A section's figures as a table: the first column takes what the numeric ones leave. */
function figuresTable(doc: Doc, figures: NonNullable<LawDocumentVersion['sections'][number]['figures']>): void {
  const numericWidth = 90;
  const numeric = figures.columns.filter((c) => c.numeric).length;
  const rest = (WIDTH - numeric * numericWidth) / Math.max(1, figures.columns.length - numeric);
  table(
    doc,
    figures.columns.map((c) => ({
      title: c.title,
      width: c.numeric ? numericWidth : rest,
      align: c.numeric ? 'right' : 'left',
    })),
    figures.rows,
  );
}

/**
 * A law document as an A4 PDF in Swedish: title, version and decision, then the numbered sections with
 * their text as written, page numbers at the foot. No ids or field names: it is what the council reads.
 */
export async function exportLawDocumentPdf(d: LawDocumentVersion, timeZone: string): Promise<ExportFile> {
  const body = await renderPdf(
    d.title,
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(d.title, MARGIN, MARGIN, { width: WIDTH });
      note(
        doc,
        `${statusLine(d)} Upprättad ${swedishDay(localDay(d.created_at, timeZone))} enligt lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete.`,
      );
      for (const s of d.sections) {
        heading(doc, `${s.number}. ${s.heading}`);
        doc.font('Helvetica').fontSize(9.5).fillColor('#212121').text(s.body, MARGIN, doc.y, { width: WIDTH });
        doc.moveDown(0.4);
        if (s.figures) figuresTable(doc, s.figures);
      }
    },
    { pageNumbers: true },
  );
  const base = `${LAW_DOCUMENT_KIND_LABELS[d.kind].sv}-${d.district?.name ?? 'staden'}-v${d.version}`
    .toLowerCase()
    .replace(/[^a-z0-9åäö-]+/g, '-');
  return exportFile(body, 'pdf', base);
}

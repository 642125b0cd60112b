import { QUALITY_CHECK_LABELS, type QualityReport, QualityCheckSchema } from '../../domain/quality.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import { heading, MARGIN, note, num, renderPdf, table } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';

const ENTITY_SV = { problem: 'problem', measure: 'åtgärd', followup: 'uppföljning', request: 'begäran', agreement: 'överenskommelse' } as const;

function renderQualityPdf(r: QualityReport): Promise<Buffer> {
  return renderPdf(`Kvalitetsrapport ${r.scope.name}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(`Kvalitetsrapport: ${r.scope.name}`, MARGIN, MARGIN);
    note(doc, `Trygghetsprogrammets krav: rätt åtgärd mot ett identifierat problem. Uttag ${r.generated_at.slice(0, 16).replace('T', ' ')} UTC, dagens datum ${r.today}.`);
    heading(doc, 'Sammanfattning');
    table(doc, [{ title: 'Kontroll', width: 380 }, { title: 'Antal', width: 60, align: 'right' }],
      QualityCheckSchema.options.map((c) => [QUALITY_CHECK_LABELS[c].sv, num(r.counts[c] ?? 0)]));
    for (const check of QualityCheckSchema.options) {
      const items = r.items.filter((i) => i.check === check);
      if (!items.length) continue;
      heading(doc, QUALITY_CHECK_LABELS[check].sv);
      table(doc, [{ title: 'Vad', width: 200 }, { title: 'Enhet', width: 140 }, { title: 'Detalj', width: 120 }, { title: 'Åtgärda i', width: 55 }],
        items.map((i) => [i.title, i.unit.name, i.detail, ENTITY_SV[i.link.entity]]));
    }
    if (!r.items.length) note(doc, 'Inga brister hittades.');
  });
}

async function renderQualityXlsx(r: QualityReport): Promise<Buffer> {
  const book = newWorkbook();
  sheet(book, 'Sammanfattning', ['Kontroll', 'Kod', 'Antal'], QualityCheckSchema.options.map((c) => [QUALITY_CHECK_LABELS[c].sv, c, r.counts[c] ?? 0]));
  sheet(book, 'Brister', ['Kontroll', 'Vad', 'Enhet', 'Detalj', 'Typ', 'Id', 'Hör till', 'Hör till id'],
    r.items.map((i) => [QUALITY_CHECK_LABELS[i.check].sv, i.title, i.unit.name, i.detail, i.link.entity, i.link.id, i.parent?.entity ?? null, i.parent?.id ?? null]));
  return workbookBuffer(book);
}

/** The quality report as a PDF for the committee (nämnd) or an Excel workbook with links (entity + id). */
export async function exportQualityReport(report: QualityReport, format: ExportFormat): Promise<ExportFile> {
  const body = format === 'pdf' ? await renderQualityPdf(report) : await renderQualityXlsx(report);
  return exportFile(body, format, `kvalitetsrapport-${report.scope.kind}-${report.today}`);
}

import { type ExportLanguage, type QualityReport, QualityCheckSchema, qualityTotal } from '../../domain/quality.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import { heading, MARGIN, note, num, renderPdf, table } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import { QUALITY_EXPORT_TEXTS, type QualityExportTexts } from './quality.texts.js';

function renderQualityPdf(r: QualityReport, tx: QualityExportTexts, timeZone: string): Promise<Buffer> {
  const c = tx.columns;
  return renderPdf(tx.title(r.scope), (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(tx.title(r.scope), MARGIN, MARGIN);
    note(doc, tx.intro(r, timeZone));
    heading(doc, tx.summary);
    table(
      doc,
      [
        { title: c.check, width: 380 },
        { title: c.count, width: 60, align: 'right' },
      ],
      QualityCheckSchema.options.map((check) => [tx.checks[check], num(r.counts[check] ?? 0)]),
    );
    for (const check of QualityCheckSchema.options) {
      const items = r.items.filter((i) => i.check === check);
      if (!items.length) continue;
      heading(doc, tx.checks[check]);
      table(
        doc,
        [
          { title: c.what, width: 200 },
          { title: c.unit, width: 140 },
          { title: c.detail, width: 120 },
          { title: c.fixIn, width: 55 },
        ],
        items.map((i) => [i.title, i.unit.name, tx.detail(i.check, i.facts), tx.entities[i.link.entity]]),
      );
    }
    if (!qualityTotal(r.counts)) note(doc, tx.none);
  });
}

async function renderQualityXlsx(r: QualityReport, tx: QualityExportTexts): Promise<Buffer> {
  const c = tx.columns;
  const book = newWorkbook();
  sheet(
    book,
    tx.sheets.summary,
    [c.check, c.count],
    QualityCheckSchema.options.map((check) => [tx.checks[check], r.counts[check] ?? 0]),
  );
  sheet(
    book,
    tx.sheets.items,
    [c.check, c.what, c.unit, c.detail, c.fixIn, c.parent],
    r.items.map((i) => [
      tx.checks[i.check],
      i.title,
      i.unit.name,
      tx.detail(i.check, i.facts),
      tx.entities[i.link.entity],
      i.parent ? tx.entities[i.parent.entity] : null,
    ]),
  );
  return workbookBuffer(book);
}

/**
 * The quality report as a PDF for the committee (nämnd) or an Excel workbook saying where each defect is fixed, in
 * Swedish or English; times on the wall clock of `timeZone` (the organisation's).
 */
export async function exportQualityReport(
  report: QualityReport,
  format: ExportFormat,
  timeZone: string,
  lang: ExportLanguage = 'sv',
): Promise<ExportFile> {
  const tx = QUALITY_EXPORT_TEXTS[lang];
  const body = format === 'pdf' ? await renderQualityPdf(report, tx, timeZone) : await renderQualityXlsx(report, tx);
  return exportFile(body, format, `${tx.filename}-${report.scope.kind}-${report.today}`);
}

import { localMinute } from '../../domain/calendar/index.js';
import { OSL_GROUNDS } from '../../domain/osl-grounds.js';
import { MASKED, type RecordsExportResult } from '../../domain/records.js';
import { exportFile, type ExportFile } from '../reports/export-file.js';
import { heading, MARGIN, note, renderPdf, table, WIDTH } from '../reports/pdf-layout.js';
import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import { FIELD_SV, ONE_SV, TIER_SV, TYPE_SV, valueSv } from './records.labels.js';

/** The fields the documents show, in the order of FIELD_SV (stored drafts do not keep the order of keys), internal ids left out. */
function columnsOf(result: RecordsExportResult): string[] {
  const present = new Set(result.records.flatMap((r) => Object.keys(r.fields)));
  return Object.keys(FIELD_SV).filter((f) => present.has(f));
}

function releaseLines(result: RecordsExportResult, timeZone: string): Array<[string, string]> {
  const r = result.release;
  return [
    ['Diarienummer', r.request_ref],
    ['Mottagare', r.recipient],
    ['Handlingar', `${TYPE_SV[r.record_type]} (${r.record_ids.length})`],
    ['Utlämnat av', r.released_by],
    ['Utlämnat', localMinute(r.released_at, timeZone)],
    ...(r.review
      ? [
          ['Sekretessprövning gjord av', r.review.reviewed_by.join(', ')] as [string, string],
          ['Sekretessprövning avslutad', localMinute(r.review.reviewed_at, timeZone)] as [string, string],
        ]
      : []),
  ];
}

/** What was masked and under which ground: one line per ground with its count, and the whole fields of restricted records. */
function maskedLines(result: RecordsExportResult): Array<[string, string]> {
  const lines: Array<[string, string]> = (result.release.review?.masks ?? []).map((m) => {
    const g = OSL_GROUNDS.find((x) => x.code === m.ground)!;
    return [`${g.ref} (${g.sv.toLocaleLowerCase('sv')})`, `${m.count} ${m.count === 1 ? 'uppgift' : 'uppgifter'}`];
  });
  const wholeFields = result.records.flatMap((r) =>
    r.masked.filter((f) => r.fields[f] === MASKED).map((f) => FIELD_SV[f] ?? f),
  );
  if (wholeFields.length) {
    const counts = new Map<string, number>();
    for (const f of wholeFields) counts.set(f, (counts.get(f) ?? 0) + 1);
    lines.push([
      'Hela fält i handlingar med sekretessnivån Begränsad',
      [...counts].map(([f, n]) => `${f} (${n})`).join(', '),
    ]);
  }
  return lines;
}

const MASK_NOTE =
  'Maskerade uppgifter står som [sekretess, …] med det lagrum i offentlighets- och sekretesslagen (OSL) som sekretessen grundas på; ' +
  'hela fält i handlingar med sekretessnivån Begränsad står som [sekretess]. Personnummer, samordningsnummer, telefonnummer, e-postadresser ' +
  'och registreringsnummer maskeras automatiskt; övriga uppgifter om personer har prövats av handläggaren före utlämnandet.';

/** The released records as Excel: one row per record with Swedish column names, a sheet on the release and what was masked. */
async function toXlsx(
  result: RecordsExportResult,
  categories: ReadonlyMap<string, string>,
  timeZone: string,
): Promise<Buffer> {
  const book = newWorkbook();
  const columns = columnsOf(result);
  sheet(
    book,
    TYPE_SV[result.release.record_type],
    ['Nr', 'Sekretessnivå', ...columns.map((c) => FIELD_SV[c]!)],
    result.records.map((r, i) => [
      i + 1,
      TIER_SV[r.confidentiality] ?? r.confidentiality,
      ...columns.map((c) => valueSv(c, r.fields[c] ?? null, categories, timeZone)),
    ]),
  );
  sheet(
    book,
    'Utlämnande',
    ['Uppgift', 'Värde'],
    [...releaseLines(result, timeZone), ...maskedLines(result), ['Om maskeringen', MASK_NOTE]],
  );
  return workbookBuffer(book);
}

/** The released records as an A4 PDF in Swedish: the release, what was masked under which ground, then each record field by field. */
function toPdf(
  result: RecordsExportResult,
  categories: ReadonlyMap<string, string>,
  timeZone: string,
): Promise<Buffer> {
  const columns = columnsOf(result);
  return renderPdf(`Utlämnande ${result.release.request_ref}`, (doc) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor('#102a43')
      .text(`Utlämnande av allmänna handlingar – ${result.release.request_ref}`, MARGIN, MARGIN, { width: WIDTH });
    doc.moveDown(0.5);
    table(
      doc,
      [
        { title: 'Uppgift', width: 170 },
        { title: 'Värde', width: WIDTH - 170 },
      ],
      releaseLines(result, timeZone),
    );
    heading(doc, 'Maskerade uppgifter och grund för sekretess');
    const masked = maskedLines(result);
    if (masked.length)
      table(
        doc,
        [
          { title: 'Grund', width: 330 },
          { title: 'Omfattning', width: WIDTH - 330 },
        ],
        masked,
      );
    else note(doc, 'Inga uppgifter har maskerats.');
    note(doc, MASK_NOTE);
    result.records.forEach((r, i) => {
      heading(
        doc,
        `${ONE_SV[result.release.record_type]} ${i + 1} av ${result.records.length} – sekretessnivå ${TIER_SV[r.confidentiality] ?? r.confidentiality}`,
      );
      for (const c of columns) {
        if (!(c in r.fields)) continue;
        doc
          .font('Helvetica-Bold')
          .fontSize(8)
          .fillColor('#212121')
          .text(`${FIELD_SV[c]}: `, MARGIN, doc.y, { width: WIDTH, continued: true })
          .font('Helvetica')
          .text(valueSv(c, r.fields[c] ?? null, categories, timeZone));
      }
    });
  });
}

/** The release as a download in the format it was made for (xlsx or pdf), times on the wall clock of `timeZone`. */
export async function releaseFile(
  result: RecordsExportResult,
  categories: ReadonlyMap<string, string>,
  timeZone: string,
): Promise<ExportFile> {
  const base = `utlamnande-${result.release.request_ref.replace(/[^\w.-]+/g, '_')}`;
  return result.release.format === 'pdf'
    ? exportFile(await toPdf(result, categories, timeZone), 'pdf', base)
    : exportFile(await toXlsx(result, categories, timeZone), 'xlsx', base);
}

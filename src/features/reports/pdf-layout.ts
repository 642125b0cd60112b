import PDFDocument from 'pdfkit';

/**
 * A4 page layout shared by the PDF reports (situation, quality, annual): margins, a zebra table with page
 * breaks, headings, small notes and Swedish number format. Helvetica's WinAnsi encoding covers å, ä, ö.
 */
export type Doc = InstanceType<typeof PDFDocument>;

export const MARGIN = 40;
export const WIDTH = 595.28 - 2 * MARGIN;
export const BOTTOM = 841.89 - MARGIN;
/** Swedish number: decimal comma, space as thousands separator. */
export function num(x: number, digits = 0): string {
  return (
    x
      .toLocaleString('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits })
      .replace(/\u00a0|\u2212/g, (c) => (c === '\u2212' ? '-' : ' '))
      // -0 and what rounds to zero are written 0, not '-0,00'.
      .replace(/^-(?=0(,0+)?$)/, '')
  );
}

// The characters above U+00FF that Helvetica's WinAnsi encoding holds; anything else would print as junk.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const STAND_INS: Record<string, string> = {
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Text the standard PDF font can draw: the minus sign (U+2212, which the analysis readings use) becomes a
 * hyphen-minus, arrows become '->', thin spaces plain ones; any other character outside WinAnsi becomes '?'.
 * @example pdfSafe('\u221212 % (95 % KI 3–20 %)') // '-12 % (95 % KI 3–20 %)'
 */
export function pdfSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\u00ff]/gu, (c) => STAND_INS[c] ?? (WIN_ANSI_EXTRA.has(c) ? c : '?'));
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table with a header row, zebra stripes, a page break when full and optional cell colours. */
/** The width a cell's text may use: the column less its padding, and less the swatch when it has one. */
function cellWidth(column: Column, swatch: string | undefined): number {
  return column.width - (swatch ? 14 : 4);
}

export function table(
  doc: Doc,
  columns: readonly Column[],
  rows: ReadonlyArray<ReadonlyArray<string>>,
  swatch?: (row: number, col: number) => string | undefined,
): void {
  const rowH = 13;
  const header = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor('#263238');
    for (const c of columns) {
      doc.text(pdfSafe(c.title), x + 2, y, { width: c.width - 4, align: c.align ?? 'left', lineBreak: false });
      x += c.width;
    }
    doc.y = y + rowH - 2;
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + WIDTH, doc.y - 2)
      .lineWidth(0.5)
      .strokeColor('#90a4ae')
      .stroke();
  };
  header();
  rows.forEach((raw, r) => {
    const row = raw.map(pdfSafe);
    // A cell too long for its column wraps, and its row grows to hold it: text never runs into the next row.
    doc.font('Helvetica').fontSize(7.5);
    const height = Math.max(
      rowH,
      ...row.map((cell, c) => doc.heightOfString(cell, { width: cellWidth(columns[c]!, swatch?.(r, c)) }) + 4),
    );
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    if (r % 2 === 1) doc.rect(MARGIN, y - 2, WIDTH, height).fill('#f5f7f8');
    let x = MARGIN;
    row.forEach((cell, c) => {
      const col = columns[c]!;
      const colour = swatch?.(r, c);
      if (colour) doc.rect(x + 2, y - 0.5, 7, 7).fill(colour);
      doc
        .font('Helvetica')
        .fontSize(7.5)
        .fillColor('#212121')
        .text(cell, x + (colour ? 12 : 2), y, { width: cellWidth(col, colour), align: col.align ?? 'left' });
      x += col.width;
    });
    doc.y = y + height;
  });
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

export function heading(doc: Doc, text: string): void {
  if (doc.y > BOTTOM - 60) doc.addPage();
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#102a43')
    .text(pdfSafe(text), MARGIN, doc.y)
    .moveDown(0.3);
}

export function note(doc: Doc, text: string): void {
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#546e7a')
    .text(pdfSafe(text), MARGIN, doc.y, { width: WIDTH })
    .moveDown(0.3);
}

/** 'Sida 2 av 5' at the foot of every page; pages must be buffered (`bufferPages`). */
function numberPages(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#546e7a')
      .text(`Sida ${i - start + 1} av ${count}`, MARGIN, BOTTOM + 14, {
        width: WIDTH,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders an A4 document drawn by `draw` into a buffer; with `pageNumbers`, each page says which it is of how many. */
export function renderPdf(
  title: string,
  draw: (doc: Doc) => void,
  options: { pageNumbers?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: options.pageNumbers ?? false,
    info: { Title: title, Author: 'Trygg' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  if (options.pageNumbers) numberPages(doc);
  doc.end();
  return done;
}

import type { EvaluationResults } from '../../domain/evaluations.js';
import type { Doc } from '../reports/pdf-layout.js';

type Series = EvaluationResults['series'];
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GREY = '#546e7a';
const TREATMENT = '#c62828';
const COMPARISON = '#1f5f8b';

/** The smallest of 1, 2 or 5 times a power of ten at or above x: a gridline step in whole numbers. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  return [1, 2, 5].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
}

/** The runs of consecutive weeks in one period, as [first index, last index]. */
function runsOf(series: Series, period: Series[number]['period']): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  series.forEach((w, i) => {
    if (w.period !== period) return;
    const last = runs.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * Incidents per week at the treatment and the comparison sites, before and after, drawn as vectors: the
 * implementation weeks shaded and named (they count in neither period), each period's weekly mean as a
 * thick segment so the change reads at a glance through the week-to-week noise, a legend below.
 */
export function drawBeforeAfterChart(doc: Doc, box: Box, series: Series): void {
  const n = series.length;
  if (!n) return;
  const max = Math.max(1, ...series.flatMap((w) => [w.treatment, w.comparison]));
  const step = niceStep(max / 4);
  const top = step * Math.ceil(max / step);
  // Below the plot: the year labels, and the legend on up to two lines.
  const plot = { x: box.x + 26, y: box.y + 12, w: box.w - 30, h: box.h - 54 };
  const xOf = (i: number) => plot.x + ((i + 0.5) * plot.w) / n;
  const yOf = (v: number) => plot.y + plot.h - (v / top) * plot.h;
  const left = (i: number) => plot.x + (i * plot.w) / n;

  const implementation = runsOf(series, 'implementation');
  for (const [from, to] of implementation) {
    doc.rect(left(from), plot.y, left(to + 1) - left(from), plot.h).fill('#e3e8ec');
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .fillColor(GREY)
      .text('Genomförande', left(from) - 30, box.y + 2, {
        width: left(to + 1) - left(from) + 60,
        align: 'center',
        lineBreak: false,
      });
  }
  // Where the after period begins: the measure is in place from here.
  const afterStart = series.findIndex((w) => w.period === 'after');
  if (afterStart > 0)
    doc
      .moveTo(left(afterStart), plot.y)
      .lineTo(left(afterStart), plot.y + plot.h)
      .lineWidth(0.8)
      .dash(3, { space: 2 })
      .strokeColor('#37474f')
      .stroke()
      .undash();

  doc.font('Helvetica').fontSize(6.5).lineWidth(0.3).strokeColor('#cfd8dc');
  for (let v = 0; v <= top; v += step) {
    doc
      .moveTo(plot.x, yOf(v))
      .lineTo(plot.x + plot.w, yOf(v))
      .stroke();
    doc.fillColor(GREY).text(String(Math.round(v * 10) / 10).replace('.', ','), box.x, yOf(v) - 3, {
      width: 22,
      align: 'right',
      lineBreak: false,
    });
  }

  // Year starts on a long series; every few weeks on a short one.
  const every = Math.max(1, Math.ceil(n / 8));
  series.forEach((w, i) => {
    const yearStart = w.week.endsWith('-W01');
    if (n > 60 ? !yearStart : i % every !== 0) return;
    doc
      .moveTo(left(i), plot.y + plot.h)
      .lineTo(left(i), plot.y + plot.h + 3)
      .strokeColor(GREY)
      .stroke();
    const label = n > 60 ? w.week.slice(0, 4) : `v. ${Number(w.week.slice(6))}`;
    doc
      .fillColor(GREY)
      .text(label, left(i) - 20, plot.y + plot.h + 5, { width: 40, align: 'center', lineBreak: false });
  });

  const line = (values: readonly number[], colour: string) => {
    doc.moveTo(xOf(0), yOf(values[0] ?? 0));
    for (let i = 1; i < values.length; i++) doc.lineTo(xOf(i), yOf(values[i]!));
    doc.lineWidth(0.7).strokeColor(colour).stroke();
  };
  line(
    series.map((w) => w.comparison),
    COMPARISON,
  );
  line(
    series.map((w) => w.treatment),
    TREATMENT,
  );
  for (const period of ['before', 'after'] as const)
    for (const [from, to] of runsOf(series, period)) {
      const weeks = series.slice(from, to + 1);
      for (const [values, colour] of [
        [weeks.map((w) => w.comparison), COMPARISON],
        [weeks.map((w) => w.treatment), TREATMENT],
      ] as const) {
        const m = mean(values)!;
        doc
          .moveTo(left(from), yOf(m))
          .lineTo(left(to + 1), yOf(m))
          .lineWidth(2.2)
          .strokeColor(colour)
          .stroke();
      }
    }
  doc.rect(plot.x, plot.y, plot.w, plot.h).lineWidth(0.5).strokeColor('#90a4ae').stroke();

  let legendY = plot.y + plot.h + 18;
  let x = plot.x;
  const entry = (label: string, draw: (x: number, y: number) => void) => {
    doc.font('Helvetica').fontSize(7);
    if (x > plot.x && x + 18 + doc.widthOfString(label) > plot.x + plot.w) {
      x = plot.x;
      legendY += 11;
    }
    draw(x, legendY + 3);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#212121')
      .text(label, x + 18, legendY, { lineBreak: false });
    x += 18 + doc.widthOfString(label) + 14;
  };
  const swatch = (colour: string, width: number) => (x0: number, y0: number) =>
    doc
      .moveTo(x0, y0)
      .lineTo(x0 + 14, y0)
      .lineWidth(width)
      .strokeColor(colour)
      .stroke();
  entry('Åtgärdsplats, per vecka', swatch(TREATMENT, 0.7));
  entry('Jämförelseplatser, per vecka', swatch(COMPARISON, 0.7));
  entry('Medel per period', swatch('#37474f', 2.2));
  if (implementation.length)
    entry('Genomförande (räknas inte)', (x0, y0) => doc.rect(x0, y0 - 4, 14, 8).fill('#e3e8ec'));
  entry('Åtgärden på plats', (x0, y0) =>
    doc
      .moveTo(x0 + 7, y0 - 5)
      .lineTo(x0 + 7, y0 + 5)
      .lineWidth(0.8)
      .dash(3, { space: 2 })
      .strokeColor('#37474f')
      .stroke()
      .undash(),
  );
  doc.y = box.y + box.h;
}

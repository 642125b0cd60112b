import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMinute, localParts } from '../../domain/calendar/index.js';
import { resolveColumns } from './column-mapping.js';
import { combineDateAndTime, parseDay, parseTimeOfDay } from './split-time.js';

const SE = 'Europe/Stockholm';
const pad = (n: number) => String(n).padStart(2, '0');
const DATE_HEADERS = ['datum', 'Datum', 'DATE', 'date', 'Brottsdatum', 'Händelsedatum', 'incident_date', 'Dag'];
const TIME_HEADERS = ['tid', 'Tid', 'TIME', 'time', 'Klockslag', 'klockslag', 'Kl', 'Time of day', 'Brottstid'];
const OTHER_HEADERS = ['Handläggare', 'Väder', 'Ärendestatus'];

type P = ReturnType<typeof localParts>;
const DATE_FORMATS: Array<[string, 'dmy' | 'mdy', (p: P) => string]> = [
  ['iso', 'dmy', (p) => `${p.year}-${pad(p.month)}-${pad(p.day)}`],
  ['d/m/y', 'dmy', (p) => `${pad(p.day)}/${pad(p.month)}/${p.year}`],
  ['d.m.y', 'dmy', (p) => `${p.day}.${p.month}.${p.year}`],
  ['m/d/y', 'mdy', (p) => `${pad(p.month)}/${pad(p.day)}/${p.year}`],
];
const TIME_FORMATS: Array<(p: P) => string> = [
  (p) => `${pad(p.hour)}:${pad(p.minute)}`,
  (p) => `${p.hour}:${pad(p.minute)}`,
  (p) => `${pad(p.hour)}:${pad(p.minute)}:00`,
  (p) => `${pad(p.hour)}.${pad(p.minute)}`,
  (p) => `kl. ${p.hour}.${pad(p.minute)}`,
];

// 2020–2030 in whole minutes; fast-check's bias toward small values puts many near the DST changes too.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 11, 31) / 60_000 }).map((m) => m * 60_000),
  // The hours around the spring and autumn changes (last Sundays of March and October, 01:00 UTC).
  fc
    .tuple(fc.integer({ min: 2020, max: 2030 }), fc.constantFrom(2, 9), fc.integer({ min: -180, max: 180 }))
    .map(([y, mo, off]) => {
      const lastSunday = 31 - new Date(Date.UTC(y, mo, 31)).getUTCDay();
      return Date.UTC(y, mo, lastSunday, 1) + off * 60_000;
    }),
);

describe('split date and time columns', () => {
  it('stores the wall-clock time of the source in Europe/Stockholm, for every header spelling and format (DST included)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...DATE_HEADERS),
        fc.constantFrom(...TIME_HEADERS),
        fc.constantFrom(...DATE_FORMATS),
        fc.constantFrom(...TIME_FORMATS),
        fc.subarray(OTHER_HEADERS),
        fc.boolean(),
        (ms, dateHeader, timeHeader, [, order, dateText], timeText, extras, timeFirst) => {
          const p = localParts(ms, SE);
          const headers = timeFirst
            ? [timeHeader, ...extras, dateHeader, 'kategori', 'lat', 'lon']
            : [dateHeader, ...extras, timeHeader, 'kategori', 'lat', 'lon'];
          const cells = headers.map((h) =>
            h === dateHeader
              ? dateText(p)
              : h === timeHeader
                ? timeText(p)
                : h === 'kategori'
                  ? 'Klotter'
                  : h === 'lat'
                    ? '59,33'
                    : h === 'lon'
                      ? '18,06'
                      : 'x',
          );
          const { indexes } = resolveColumns(headers, {}, false, { rows: [cells], dateOrder: order, ignore: [] });
          expect([headers[indexes.occurred_at!], headers[indexes.occurred_time!]]).toEqual([dateHeader, timeHeader]);
          const result = combineDateAndTime(cells[indexes.occurred_at!], cells[indexes.occurred_time!], order, SE);
          expect('at' in result && localMinute(result.at, SE)).toBe(localMinute(ms, SE));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a time column under any name by its content, but never a column of decimal numbers', () => {
    const headers = ['Datum', 'Belopp', 'Inträffade', 'Kategori', 'Plats'];
    const rows = [
      ['2026-11-20', '12.50', '18:45', 'Klotter', 'Hötorget'],
      ['2026-11-21', '7.05', '07:05', 'Klotter', 'Hötorget'],
    ];
    const { indexes, via } = resolveColumns(headers, {}, false, { rows, dateOrder: 'dmy', ignore: [] });
    expect([indexes.occurred_time, via.occurred_time]).toEqual([2, 'content']);
    const onlyAmounts = resolveColumns(['Datum', 'Belopp', 'Kategori', 'Plats'], {}, false, {
      rows: rows.map((r) => [r[0], r[1], r[3], r[4]]),
      dateOrder: 'dmy',
      ignore: [],
    });
    expect(onlyAmounts.indexes.occurred_time).toBeUndefined();
  });

  it('leaves a time column alone when the date column already holds times, and skips ignored columns', () => {
    const whole = resolveColumns(['datum', 'tid', 'kategori', 'plats'], {}, false, {
      rows: [['2026-11-20 18:45', '18:45', 'Klotter', 'X']],
      dateOrder: 'dmy',
      ignore: [],
    });
    expect(whole.indexes.occurred_time).toBeUndefined();
    const ignored = resolveColumns(['datum', 'tid', 'kategori', 'plats'], {}, false, {
      rows: [['2026-11-20', '18:45', 'Klotter', 'X']],
      dateOrder: 'dmy',
      ignore: ['Tid'],
    });
    expect(ignored.indexes.occurred_time).toBeUndefined();
  });

  it('reads spreadsheet date and time cells and the forms people type', () => {
    expect(parseDay(new Date(Date.UTC(2026, 10, 20)), 'dmy')).toEqual({ y: 2026, mo: 11, d: 20 });
    expect(parseDay(new Date(Date.UTC(2026, 10, 20, 18)), 'dmy')).toBeNull();
    expect(parseTimeOfDay(new Date(Date.UTC(1899, 11, 30, 18, 45)))).toEqual({ h: 18, mi: 45, s: 0 });
    expect(parseTimeOfDay('18.45', false)).toBeNull();
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(combineDateAndTime('2026-11-20', '', 'dmy', SE)).toEqual({
      at: new Date('2026-11-19T23:00:00Z'),
      timeMissing: true,
    });
    expect(combineDateAndTime('2026-11-20', 'kväll', 'dmy', SE)).toEqual({ error: 'invalid_time' });
    expect(combineDateAndTime('', '18:00', 'dmy', SE)).toEqual({ error: 'missing_date' });
  });
});

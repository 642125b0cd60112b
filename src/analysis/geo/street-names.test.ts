import { latLngToCell } from 'h3-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildStreetIndex,
  normaliseName,
  representativePoint,
  streetOfAddress,
  streetsByCell,
} from './street-names.js';

describe('normaliseName', () => {
  it.each([
    ['Östbergavägen', 'ostbergavagen'],
    ['  ÅBYVÄGEN ', 'abyvagen'],
    ['Västberga   gårdsväg', 'vastberga gardsvag'],
    ['Café Opéra', 'cafe opera'],
  ])('%s → %s', (name, expected) => expect(normaliseName(name)).toBe(expected));

  it('is idempotent and ignores case', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
        expect(normaliseName(s.toUpperCase())).toBe(normaliseName(s.toLowerCase()));
      }),
    );
  });
});

describe('streetOfAddress', () => {
  it.each([
    ['Storgatan 12', 'storgatan'],
    ['Storgatan 12B', 'storgatan'],
    ['storgatan 12 b, 114 55 Stockholm', 'storgatan'],
    ['Åbyvägen 10-14', 'abyvagen'],
    ['Västberga gårdsväg', 'vastberga gardsvag'],
    ['Sankt Eriksgatan', 'sankt eriksgatan'],
  ])('%s → %s', (address, street) => expect(streetOfAddress(address)).toBe(street));
});

describe('representativePoint', () => {
  it('is the vertex nearest the mean, so it lies on the street', () => {
    expect(
      representativePoint([
        [
          [18, 59],
          [18.002, 59],
          [18.004, 59],
        ],
      ]),
    ).toEqual([18.002, 59]);
    // An L-shaped street: its mean lies off it; the answer is one of its own vertices.
    const l = [
      [
        [18, 59],
        [18.01, 59],
        [18.01, 59.01],
      ],
    ] as const;
    expect(l[0]).toContainEqual(representativePoint(l));
  });

  it('is always one of the street’s vertices', () => {
    const vertex = fc.tuple(
      fc.double({ min: 17.5, max: 18.5, noNaN: true }),
      fc.double({ min: 59, max: 59.6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(vertex, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        (lines) => {
          expect(lines.flat()).toContainEqual(representativePoint(lines));
        },
      ),
    );
  });
});

describe('buildStreetIndex', () => {
  it('joins the pieces of one street under its normalised name', () => {
    const index = buildStreetIndex([
      {
        name: 'Åbyvägen',
        lines: [
          [
            [18, 59],
            [18.001, 59],
          ],
        ],
      },
      {
        name: 'Åbyvägen',
        lines: [
          [
            [18.002, 59],
            [18.003, 59],
          ],
        ],
      },
      { name: '', lines: [[[18, 59]]] },
    ]);
    expect([...index.keys()]).toEqual(['abyvagen']);
    expect(index.get('abyvagen')).toEqual({ name: 'Åbyvägen', point: [18.001, 59] });
  });
});

describe('streetsByCell', () => {
  it('names a cell by the street with the most length in it', () => {
    // A long east–west street and a short stub, both through the cell of Medborgarplatsen.
    const cell = latLngToCell(59.3145, 18.0735, 9);
    const named = streetsByCell(
      [
        {
          name: 'Långa gatan',
          lines: [
            [
              [18.0725, 59.3145],
              [18.0745, 59.3145],
            ],
          ],
        },
        {
          name: 'Korta gränd',
          lines: [
            [
              [18.0735, 59.3144],
              [18.0735, 59.3146],
            ],
          ],
        },
      ],
      9,
    );
    expect(named.get(cell)).toBe('Långa gatan');
  });

  it('leaves out cells no street crosses', () => {
    const named = streetsByCell(
      [
        {
          name: 'Götgatan',
          lines: [
            [
              [18.07, 59.31],
              [18.0701, 59.31],
            ],
          ],
        },
      ],
      9,
    );
    expect(named.size).toBe(1);
    expect(named.has(latLngToCell(59.35, 18.0, 9))).toBe(false);
  });
});

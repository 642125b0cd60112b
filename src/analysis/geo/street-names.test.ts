import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStreetIndex, normaliseName, representativePoint, streetOfAddress } from './street-names.js';

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

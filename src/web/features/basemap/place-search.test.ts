import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, type PlaceEntry, searchPlaces } from './place-search.js';

const at = { lon: 18, lat: 59.3 };
const entries: PlaceEntry[] = [
  { kind: 'street', name: 'Högdalsgången', ...at },
  { kind: 'place', name: 'Högdalstorget', id: 'p1', ...at },
  { kind: 'neighbourhood', name: 'Högdalen', ...at },
  { kind: 'station', name: 'Högdalen', ...at },
  { kind: 'street', name: 'Götgatan', ...at },
  { kind: 'street', name: 'Sankt Eriksgatan', ...at },
  { kind: 'district', name: 'Enskede-Årsta-Vantör', bbox: [18, 59.2, 18.1, 59.3], ...at },
];

describe('searchPlaces', () => {
  it('finds Högdalstorget written without accents and in any case', () => {
    for (const q of ['Högdalstorget', 'hogdalstorget', 'HOGDALSTORGET', ' högdalstorget ']) {
      expect(searchPlaces(q, entries)[0]?.name).toBe('Högdalstorget');
    }
  });

  it('puts a whole-name match first, then names that start with the query, then words, then the rest', () => {
    expect(searchPlaces('högdal', entries).map((e) => `${e.kind}:${e.name}`)).toEqual([
      'place:Högdalstorget',
      'neighbourhood:Högdalen',
      'station:Högdalen',
      'street:Högdalsgången',
    ]);
    expect(searchPlaces('eriks', entries).map((e) => e.name)).toEqual(['Sankt Eriksgatan']);
    expect(searchPlaces('arsta', entries).map((e) => e.name)).toEqual(['Enskede-Årsta-Vantör']);
    expect(searchPlaces('gatan', entries).map((e) => e.name)).toEqual(['Götgatan', 'Sankt Eriksgatan']);
  });

  it('finds nothing for an empty query or a name that is not there, and keeps to the limit', () => {
    expect(searchPlaces('   ', entries)).toEqual([]);
    expect(searchPlaces('Kiruna', entries)).toEqual([]);
    expect(searchPlaces('g', entries, 2)).toHaveLength(2);
  });

  it('lists one hit per kind and name', () => {
    const twice = [...entries, { kind: 'street' as const, name: 'Götgatan', lon: 18.07, lat: 59.31 }];
    expect(searchPlaces('götgatan', twice)).toHaveLength(1);
  });

  it('answers the same whatever the case and accents of the query (property)', () => {
    const letters = fc.constantFrom(...'abcdeghijklmnoprstuvyzåäöéü'.split(''));
    const names = fc.array(fc.string({ unit: letters, minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(names, fc.nat(), fc.boolean(), (list, pick, upper) => {
        const pool: PlaceEntry[] = list.map((name) => ({ kind: 'street', name, ...at }));
        const target = list[pick % list.length] as string;
        const plain = target.normalize('NFD').replace(/\p{M}/gu, '');
        const variant = upper ? plain.toLocaleUpperCase('sv') : plain;
        expect(searchPlaces(variant, pool)).toEqual(searchPlaces(target, pool));
        expect(searchPlaces(variant, pool).map((e) => foldName(e.name))).toContain(foldName(target));
      }),
    );
  });
});

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedDataFile } from '../../../tests/factories/imports.factory.js';
import { DEFAULT_CATEGORIES } from '../../domain/categories.js';
import {
  classifyPoliceEvent,
  type PoliceEvent,
  parsePoliceDateTime,
  parsePoliceGps,
  POLICE_TYPE_CATEGORY,
  policeMunicipality,
  policeOccurredAt,
} from './police-events.js';

const iso = (d: Date | null) => d?.toISOString();

describe('parsePoliceDateTime', () => {
  it.each([
    ['2026-01-17 7:24:39 +01:00', '2026-01-17T06:24:39.000Z'],
    ['2026-08-22 10:28:50 +02:00', '2026-08-22T08:28:50.000Z'],
    ['2025-06-21 0:02:15 +02:00', '2025-06-20T22:02:15.000Z'],
    ['2025-12-31 23:59:59 +01:00', '2025-12-31T22:59:59.000Z'],
    ['2025-03-01 12:00:00 -03:30', '2025-03-01T15:30:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(parsePoliceDateTime(text))).toBe(expected);
  });

  it.each([
    '2026-01-17T07:24:39+01:00',
    '2026-01-17 7:24 +01:00',
    '2026-13-01 7:24:39 +01:00',
    '2026-01-17 24:00:00 +01:00',
    '',
  ])('rejects %j', (text) => expect(parsePoliceDateTime(text)).toBeNull());
});

describe('policeOccurredAt', () => {
  const published = (s: string) => parsePoliceDateTime(s)!;

  it('reads the local event time from the title', () => {
    expect(
      iso(policeOccurredAt({ name: '12 januari 14.06, Övrigt, Stockholm' }, published('2026-01-12 17:43:53 +01:00'))),
    ).toBe('2026-01-12T13:06:00.000Z');
  });

  it("puts a New Year's Eve event published on 1 January in the year before", () => {
    expect(
      iso(policeOccurredAt({ name: '31 december 23.50, Brand, Stockholm' }, published('2026-01-01 0:30:00 +01:00'))),
    ).toBe('2025-12-31T22:50:00.000Z');
  });

  it('dates an announcement of a later event at its publication', () => {
    const at = published('2023-04-28 7:30:18 +02:00');
    expect(policeOccurredAt({ name: '01 maj 08:00, Övrigt, Stockholm' }, at)).toEqual(at);
  });

  it('falls back to publication for a title without a time', () => {
    const at = published('2023-04-28 7:30:18 +02:00');
    expect(policeOccurredAt({ name: 'Sammanfattning, Stockholm' }, at)).toEqual(at);
  });
});

describe('classifyPoliceEvent', () => {
  const event = (type: string, locationName: string, name = `1 januari 12.00, ${type}, ${locationName}`) => ({
    type,
    name,
    location: { name: locationName, gps: '59.329324,18.068581' },
  });

  it('skips every summary type, even one filed under the city', () => {
    const sample = JSON.parse(
      readFileSync(sharedDataFile('polisen/events_sample_all_types_sweden.json'), 'utf8'),
    ) as PoliceEvent[];
    const natt = sample.find((e) => e.type === 'Sammanfattning natt')!;
    expect(classifyPoliceEvent(natt, 'Stockholm')).toEqual({ load: false, reason: 'other_location' });
    expect(classifyPoliceEvent({ ...natt, location: { name: 'Stockholm', gps: '' } }, 'Stockholm')).toEqual({
      load: false,
      reason: 'summary',
    });
  });

  it('matches the municipality exactly, and through the title for county-labelled events since 2026', () => {
    expect(classifyPoliceEvent(event('Brand', 'Solna'), 'Stockholm')).toEqual({
      load: false,
      reason: 'other_location',
    });
    expect(classifyPoliceEvent(event('Fylleri', 'Stockholms län'), 'Stockholm')).toEqual({
      load: false,
      reason: 'other_location',
    });
    const countyLabelled = event('Misshandel', 'Stockholms län', '22 augusti 03.47, Misshandel, Stockholm');
    expect(policeMunicipality(countyLabelled)).toBe('Stockholm');
    expect(classifyPoliceEvent(countyLabelled, 'Stockholm')).toEqual({ load: true, category: 'vald' });
  });

  it('leaves out notices about persons and police-initiated controls', () => {
    expect(classifyPoliceEvent(event('Försvunnen person', 'Stockholm'), 'Stockholm')).toEqual({
      load: false,
      reason: 'about_person',
    });
    expect(classifyPoliceEvent(event('Kontroll person/fordon', 'Stockholm'), 'Stockholm')).toEqual({
      load: false,
      reason: 'police_activity',
    });
  });

  it('maps known types and files everything else under annat', () => {
    expect(classifyPoliceEvent(event('Skadegörelse', 'Stockholm'), 'Stockholm')).toEqual({
      load: true,
      category: 'skadegorelse',
    });
    expect(classifyPoliceEvent(event('Trafikolycka, personskada', 'Stockholm'), 'Stockholm')).toEqual({
      load: true,
      category: 'trafikfara',
    });
    expect(classifyPoliceEvent(event('Narkotikabrott', 'Stockholm'), 'Stockholm')).toEqual({
      load: true,
      category: 'narkotika',
    });
    expect(classifyPoliceEvent(event('Djur', 'Stockholm'), 'Stockholm')).toEqual({ load: true, category: 'annat' });
  });

  it('maps only to categories of the default taxonomy and only types the API has used', () => {
    const codes = new Set(DEFAULT_CATEGORIES.map((c) => c.code));
    const counts: Array<{ type: string }> = parse(
      readFileSync(sharedDataFile('polisen/event_type_counts.csv'), 'utf8'),
      { columns: true },
    );
    const types = new Set(counts.map((r) => r.type.trim()));
    for (const [type, code] of Object.entries(POLICE_TYPE_CATEGORY)) {
      expect(codes.has(code), code).toBe(true);
      expect(types.has(type), type).toBe(true);
    }
  });
});

describe('parsePoliceGps', () => {
  it('reads latitude first', () => {
    expect(parsePoliceGps('59.329324,18.068581')).toEqual({ lon: 18.068581, lat: 59.329324 });
    expect(parsePoliceGps('not,gps')).toBeNull();
    expect(parsePoliceGps('')).toBeNull();
  });
});

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDb } from '../../../tests/setup/test-db.js';
import type { Database } from '../../db/schema.js';
import { getAreaIndex } from '../org/area-index.service.js';
import { POLICE_STATUS_NOTE } from '../imports/police-mapper.js';
import { DEFAULT_SHARED_DATA_DIR, type SeedReport, seedStockholm } from './seed.service.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const OPTIONS = { demoIncidents: 2000, demoSeed: 7, now: NOW };
const DISTRICTS_2022 = [
  'Bromma',
  'Enskede-Årsta-Vantör',
  'Farsta',
  'Hägersten-Älvsjö',
  'Hässelby-Vällingby',
  'Kungsholmen',
  'Norrmalm',
  'Rinkeby-Kista',
  'Skarpnäck',
  'Skärholmen',
  'Spånga-Tensta',
  'Södermalm',
  'Östermalm',
];
const DISTRICTS_NOW = [
  'Bromma',
  'Enskede-Årsta-Vantör',
  'Farsta',
  'Hägersten-Älvsjö',
  'Hässelby-Vällingby',
  'Järva',
  'Kungsholmen',
  'Norra innerstaden',
  'Skarpnäck',
  'Skärholmen',
  'Södermalm',
];

/** A digest of the demo rows by content (not ids, which the database assigns). */
async function demoFingerprint(db: Kysely<Database>): Promise<string> {
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('place_zones as z', 'z.id', 'i.zone_id')
    .innerJoin('areas as a', 'a.id', 'i.area_id')
    .select([
      'c.code',
      'p.slug',
      'z.code as zone',
      'a.code as area',
      'i.occurred_at',
      'i.reported_at',
      'i.lon',
      'i.lat',
      'i.precision',
      'i.h3_r10',
      'i.status',
      'i.closure_reason',
      'i.description',
    ])
    .where('i.source', '=', 'demo')
    .orderBy('i.occurred_at')
    .orderBy('i.lon')
    .orderBy('i.lat')
    .execute();
  const text = rows.map((r) =>
    Object.values({ ...r, occurred_at: r.occurred_at.toISOString(), reported_at: r.reported_at.toISOString() }).join(
      '|',
    ),
  );
  return createHash('sha256').update(text.join('\n')).digest('hex');
}

async function tableCounts(db: Kysely<Database>) {
  const count = async (table: 'organisations' | 'units' | 'areas' | 'places' | 'incidents' | 'audit_events') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    organisations: await count('organisations'),
    units: await count('units'),
    areas: await count('areas'),
    places: await count('places'),
    incidents: await count('incidents'),
    audit: await count('audit_events'),
  };
}

/** Seeds from a copy of the shared data whose police file is cut off; returns the error and what is left. */
async function seedWithBrokenPoliceFile(db: Kysely<Database>) {
  const dir = mkdtempSync(join(tmpdir(), 'trygg-seed-'));
  try {
    symlinkSync(join(DEFAULT_SHARED_DATA_DIR, 'stockholm'), join(dir, 'stockholm'));
    symlinkSync(join(DEFAULT_SHARED_DATA_DIR, 'poi'), join(dir, 'poi'));
    mkdirSync(join(dir, 'polisen'));
    // Police events load after units, areas and places have been inserted in the transaction.
    writeFileSync(join(dir, 'polisen', 'events_stockholms_lan_2022-2026.json'), '[{"id": 1, "datetime": ');
    const error = await seedStockholm(db, { ...OPTIONS, sharedDataDir: dir }).then(
      () => 'no error',
      (e: Error) => e.message,
    );
    return { error, counts: await tableCounts(db) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachEngine('seedStockholm', (getDb) => {
  let report: SeedReport;
  let orgId: string;
  let failed: { error: string; counts: Awaited<ReturnType<typeof tableCounts>> };
  const db = () => getDb().db;

  beforeAll(async () => {
    // The broken run goes first, on the same empty database: a second PostgreSQL test schema cannot be
    // migrated while this one exists (Kysely's migrator sees the other schema's migration tables).
    failed = await seedWithBrokenPoliceFile(db());
    report = await seedStockholm(db(), OPTIONS);
    orgId = report.organisation.id;
  }, 120_000);

  it('reports what it inserted', () => {
    expect(report.alreadySeeded).toBe(false);
    expect(report.units).toEqual({ district: 15, specialist: 10, company: 5, partner: 2 });
    expect(report.areas).toEqual({ district: 15, neighbourhood: 117 + 19 });
    expect(report.categories).toBe(13);
    expect(report.demoIncidents).toBe(2000);
    expect(report.places.indoor).toBe(43);
    expect(report.places.skipped).toEqual([
      { name: 'Barnens bokbuss', reason: 'mobile library bus without a fixed site' },
    ]);
    expect(report.policeSkipped.summary + report.policeSkipped.other_location).toBeGreaterThan(0);
  });

  it('has the 117 stadsdelar as neighbourhood codes', async () => {
    const rows = await db()
      .selectFrom('areas')
      .select('code')
      .distinct()
      .where('level', '=', 'neighbourhood')
      .execute();
    expect(rows).toHaveLength(117);
    expect(rows.map((r) => r.code)).toEqual(
      expect.arrayContaining(['hogdalen', 'ulvsunda-industriomrade', 'skarpnacks-gard']),
    );
  });

  it('has 13 districts in force on 2022-01-01 and 11 today, owned by units valid the same days', async () => {
    const districtsOn = async (day: string) =>
      await db()
        .selectFrom('areas as a')
        .innerJoin('units as u', 'u.id', 'a.owner_unit_id')
        .select([
          'a.name',
          'u.kind',
          'u.valid_from',
          'u.valid_to',
          'a.valid_from as area_from',
          'a.valid_to as area_to',
          'a.approximate',
        ])
        .where('a.level', '=', 'district')
        .where('a.valid_from', '<=', day)
        .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', day)]))
        .orderBy('a.name')
        .execute();
    const y2022 = await districtsOn('2022-01-01');
    const today = await districtsOn('2026-11-25');
    expect(y2022.map((d) => d.name).sort()).toEqual([...DISTRICTS_2022].sort());
    expect(today.map((d) => d.name).sort()).toEqual([...DISTRICTS_NOW].sort());
    for (const d of [...y2022, ...today]) {
      expect(d).toMatchObject({ kind: 'district', valid_from: d.area_from, valid_to: d.area_to, approximate: true });
    }
  });

  it('places Högdalen in Enskede-Årsta-Vantör and Rinkeby in Rinkeby-Kista, then Järva', async () => {
    const index = await getAreaIndex(db(), orgId);
    const districts = new Map(
      (await db().selectFrom('areas').select(['id', 'code']).where('level', '=', 'district').execute()).map((r) => [
        r.id,
        r.code,
      ]),
    );
    const at = (lon: number, lat: number, day: string) => {
      const hit = index.containing(lon, lat, day)[0];
      return hit && [hit.code, districts.get(hit.parentId!)];
    };
    expect(at(18.043, 59.263, '2022-05-01')).toEqual(['hogdalen', 'enskede-arsta-vantor']);
    expect(at(18.043, 59.263, '2024-05-01')).toEqual(['hogdalen', 'enskede-arsta-vantor']);
    expect(at(17.925, 59.388, '2022-05-01')).toEqual(['rinkeby', 'rinkeby-kista']);
    expect(at(17.925, 59.388, '2024-05-01')).toEqual(['rinkeby', 'jarva']);
    expect(at(18.0, 59.1, '2024-05-01')).toBeUndefined();
  });

  it('has the libraries and both Stadsarkivet reading rooms as indoor places with the right owners', async () => {
    const places = await db()
      .selectFrom('places as p')
      .innerJoin('units as u', 'u.id', 'p.owner_unit_id')
      .select([
        'p.id',
        'p.name',
        'p.type',
        'p.setting',
        'p.coordinate_approximate',
        'p.lon',
        'p.neighbourhood_code',
        'u.slug as owner',
      ])
      .where('p.organisation_id', '=', orgId)
      .execute();
    const byName = (name: string) => places.find((p) => p.name === name);
    expect(byName('Högdalens bibliotek')).toMatchObject({
      type: 'library',
      setting: 'indoor',
      owner: 'kulturforvaltningen',
      neighbourhood_code: 'hogdalen',
      coordinate_approximate: true,
    });
    expect(byName('Stadsbiblioteket')).toMatchObject({
      type: 'library',
      setting: 'indoor',
      owner: 'kulturforvaltningen',
      coordinate_approximate: false,
      lon: 18.0543,
    });
    for (const name of ['Stadsarkivet Kungsklippan', 'Stadsarkivet Liljeholmskajen']) {
      expect(byName(name)).toMatchObject({ type: 'archive_reading_room', setting: 'indoor', owner: 'stadsarkivet' });
    }
    expect(places.every((p) => p.neighbourhood_code !== null)).toBe(true);
    expect(places.filter((p) => p.type === 'metro_entrance').every((p) => p.owner === 'sl')).toBe(true);

    const hogdalen = byName('Högdalens bibliotek')!;
    const zones = await db()
      .selectFrom('place_zones')
      .select('code')
      .where('place_id', '=', hogdalen.id)
      .orderBy('code')
      .execute();
    expect(zones.map((z) => z.code)).toEqual(['barnavdelning', 'entre', 'lasesal']);
    const duties = await db()
      .selectFrom('place_responsibilities as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['u.slug', 'r.responsibility'])
      .where('r.place_id', '=', hogdalen.id)
      .orderBy('r.responsibility')
      .execute();
    expect(duties).toEqual([
      { slug: 'enskede-arsta-vantor', responsibility: 'environment' },
      { slug: 'kulturforvaltningen', responsibility: 'premises' },
    ]);
  });

  it('loads Stockholm police notices at municipality precision only, and skips summaries and other places', async () => {
    const police = await db()
      .selectFrom('incidents as i')
      .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
      .select([
        'i.source_ref',
        'i.precision',
        'i.area_id',
        'i.district_id',
        'i.h3_r9',
        'i.occurred_at',
        'i.reported_at',
        'i.status',
        'i.closure_reason',
        'i.status_note',
        'c.code',
      ])
      .where('i.source', '=', 'police')
      .execute();
    expect(police).toHaveLength(report.policeIncidents);
    expect(
      police.every(
        (p) => p.precision === 'municipality' && p.area_id === null && p.district_id === null && p.h3_r9 === null,
      ),
    ).toBe(true);
    const known = police.find((p) => p.source_ref === '620852');
    expect(known).toMatchObject({
      code: 'annat',
      status: 'closed',
      closure_reason: 'not_ours',
      status_note: POLICE_STATUS_NOTE,
    });
    expect(known!.occurred_at.toISOString()).toBe('2026-01-12T13:06:00.000Z');
    expect(known!.reported_at.toISOString()).toBe('2026-01-12T16:43:53.000Z');
    // Filed under 'Stockholms län' since 2026-01-20 but titled '…, Misshandel, Stockholm'.
    expect(police.find((p) => p.source_ref === '650271')).toMatchObject({ code: 'vald', precision: 'municipality' });
    const refs = new Set(police.map((p) => p.source_ref));
    for (const skipped of [
      '589808' /* Sammanfattning kväll och natt */,
      '650280' /* Sigtuna */,
      '575366' /* Försvunnen person */,
    ]) {
      expect(refs.has(skipped), skipped).toBe(false);
    }
  });

  it('generates demo years that are located, clustered at places and weighted to evenings and weekends', async () => {
    const rows = await db()
      .selectFrom('incidents')
      .select([
        'occurred_at',
        'reported_at',
        'place_id',
        'area_id',
        'district_id',
        'h3_r9',
        'precision',
        'source',
        'status',
        'closure_reason',
      ])
      .where('source', '=', 'demo')
      .execute();
    expect(rows).toHaveLength(2000);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      hour: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    let evening = 0;
    let weekend = 0;
    for (const r of rows) {
      expect(r.area_id && r.district_id && r.h3_r9).toBeTruthy();
      // Three years and a leap day, so that "same week last year" has data for every week of the last two years.
      expect(r.occurred_at.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - (3 * 365 + 1) * 86_400_000);
      expect(r.occurred_at.getTime()).toBeLessThan(NOW.getTime());
      expect(r.reported_at.getTime()).toBeGreaterThanOrEqual(r.occurred_at.getTime());
      expect(r.reported_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const parts = Object.fromEntries(local.formatToParts(r.occurred_at).map((p) => [p.type, p.value]));
      if (Number(parts.hour) >= 18 || Number(parts.hour) < 6) evening++;
      if (parts.weekday === 'Fri' || parts.weekday === 'Sat') weekend++;
    }
    expect(evening / rows.length).toBeGreaterThan(0.55);
    expect(weekend / rows.length).toBeGreaterThan(0.32); // 2/7 = 0.29 if days were equal
    expect(rows.filter((r) => r.place_id !== null).length / rows.length).toBeGreaterThanOrEqual(0.5);
    expect(rows.every((r) => ['exact', 'place'].includes(r.precision))).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['new', 'in_progress', 'closed']));
  });

  it('generates the same rows from the same seed on a fresh database', async () => {
    const other = await openTestDb('pglite');
    try {
      await seedStockholm(other.db, OPTIONS);
      expect(await demoFingerprint(other.db)).toBe(await demoFingerprint(db()));
    } finally {
      await other.dispose();
    }
  }, 120_000);

  it('records one audit event and does nothing the second time', async () => {
    const before = await tableCounts(db());
    const again = await seedStockholm(db(), OPTIONS);
    expect(again).toMatchObject({ alreadySeeded: true, organisation: { id: orgId }, demoIncidents: 0 });
    expect(await tableCounts(db())).toEqual(before);
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'actor'])
      .where('action', '=', 'seed')
      .execute();
    expect(audit).toEqual([{ action: 'seed', entity_id: orgId, actor: 'system' }]);
  });

  it('left nothing behind when a data file was broken half-way', () => {
    expect(failed.error).toMatch(/events_stockholms_lan_2022-2026\.json/);
    expect(failed.counts).toEqual({ organisations: 0, units: 0, areas: 0, places: 0, incidents: 0, audit: 0 });
  });
});

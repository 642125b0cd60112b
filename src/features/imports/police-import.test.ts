import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  countIncidents,
  importFiles,
  seedStockholmForImports,
  sharedDataFile,
} from '../../../tests/factories/imports.factory.js';
import type { ServiceContext } from '../../core/context.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { runImport } from './imports.service.js';

const SNAPSHOT = sharedDataFile('polisen/events_latest_snapshot_raw.json');
const ALL_TYPES = sharedDataFile('polisen/events_sample_all_types_sweden.json');
type Event = { id: number; name: string; type: string; summary: string; location: { name: string } };
const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Event[];

describeEachEngine('police events import', (getDb) => {
  let ctx: ServiceContext;
  const files = importFiles();
  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
  });
  afterAll(() => files.cleanup());
  const run = (filePath: string) => runImport(ctx, { filePath, fileName: 'events.json', dryRun: false });

  it('imports the API response as it comes: city events in, summaries and county rows counted apart', async () => {
    const report = await run(SNAPSHOT);
    const summaries = snapshot.filter((e) => e.type.startsWith('Sammanfattning')).length;
    expect(report.file.format).toBe('police');
    expect(report.rows.read).toBe(500);
    expect(report.skipped.summary).toBe(summaries);
    expect(report.skipped.county).toBeGreaterThan(0);
    expect(report.skipped.other_municipality).toBeGreaterThan(0);
    expect(report.rows.with_errors).toBe(0);
    // Since 2026-01 the API files city events under 'Stockholms län' and names the city last in the title.
    const cityEvents = snapshot.filter(
      (e) => !e.type.startsWith('Sammanfattning') && e.name.split(',').at(-1)!.trim() === 'Stockholm',
    );
    expect(report.rows.inserted).toBe(cityEvents.length);
    const known = await ctx.db
      .selectFrom('incidents')
      .selectAll()
      .where('source', '=', 'police')
      .where('source_ref', '=', '650271')
      .executeTakeFirstOrThrow();
    expect(known).toMatchObject({
      precision: 'municipality',
      h3_r9: null,
      area_id: null,
      status: 'closed',
      closure_reason: 'not_ours',
      lon: 18.068581,
      lat: 59.329324,
    });
    // Title time 03.47 local on 22 August; published 2026-08-22 … +02:00.
    expect(known.occurred_at.toISOString()).toBe('2026-08-22T01:47:00.000Z');
    expect(known.reporting_unit_id).not.toBeNull();
    expect(known.description).toMatch(/^22 augusti 03\.47, Misshandel, Stockholm: /);
  });

  it('re-importing the same response changes nothing', async () => {
    const before = await countIncidents(ctx.db, 'police');
    const report = await run(SNAPSHOT);
    expect(report.rows).toMatchObject({ inserted: 0, updated: 0 });
    expect(report.rows.unchanged).toBe(before);
    expect(await countIncidents(ctx.db, 'police')).toBe(before);
  });

  it('upserts an event the API sends again with a changed text', async () => {
    const event = snapshot.find((e) => e.id === 650271)!;
    const path = files.write(
      'updated.json',
      JSON.stringify([{ ...event, summary: `${event.summary} Uppdatering: mannen har släppts.` }]),
    );
    const report = await run(path);
    expect(report.rows).toMatchObject({ inserted: 0, updated: 1 });
    const row = await ctx.db
      .selectFrom('incidents')
      .select('description')
      .where('source', '=', 'police')
      .where('source_ref', '=', '650271')
      .executeTakeFirstOrThrow();
    expect(row.description).toMatch(/Uppdatering: mannen har släppts\.$/);
  });

  it('maps every type of the all-types sample, skipping notices about persons and police controls', async () => {
    const report = await run(ALL_TYPES);
    expect(report.rows.with_errors).toBe(0);
    expect(report.skipped.summary).toBeGreaterThan(0);
    expect(report.rows.inserted + report.rows.unchanged + report.rows.updated).toBeGreaterThan(30);
    const types = await ctx.db
      .selectFrom('incidents as i')
      .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
      .select(['c.code', 'i.description'])
      .where('i.source', '=', 'police')
      .execute();
    expect(types.find((t) => /, Rån väpnat, Stockholm:/.test(t.description ?? ''))?.code).toBe('vald');
    expect(types.find((t) => /, Larm Inbrott, Stockholm:/.test(t.description ?? ''))?.code).toBe('stold_inbrott');
    expect(types.find((t) => /, Skadegörelse, Stockholm:/.test(t.description ?? ''))?.code).toBe('skadegorelse');
    expect(
      types.some((t) => /, (Efterlyst person|Kontroll person\/fordon), Stockholm:/.test(t.description ?? '')),
    ).toBe(false);
    expect(report.skipped).toMatchObject({ about_person: expect.any(Number), police_activity: expect.any(Number) });
  });

  it('reports a lng-first gps pair as swapped unless the swap is accepted', async () => {
    const event = {
      ...snapshot.find((e) => e.id === 650271)!,
      id: 999_999_001,
      location: { name: 'Stockholm', gps: '18.068581,59.329324' },
    };
    const path = files.write('swapped.json', JSON.stringify([event]));
    const dry = await runImport(ctx, { filePath: path, fileName: 's.json', dryRun: true });
    expect(dry.errors.map((e) => e.code)).toEqual(['swapped_coordinates']);
    const fixed = await runImport(ctx, { filePath: path, fileName: 's.json', dryRun: false, swapCoordinates: true });
    expect(fixed.rows.inserted).toBe(1);
  });
});

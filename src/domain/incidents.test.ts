import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from './categories.js';
import { IncidentCreateSchema, IncidentListQuerySchema, IncidentStatusUpdateSchema } from './incidents.js';

const valid = { occurred_at: '2026-11-20T21:15:00+01:00', category: 'klotter', lon: 18.03, lat: 59.26 };

describe('IncidentCreateSchema', () => {
  it('fills precision and source defaults', () => {
    expect(IncidentCreateSchema.parse(valid)).toEqual({ ...valid, precision: 'exact', source: 'staff' });
  });

  it.each([
    ['lon out of range', { lon: 181 }, 'lon'],
    ['lat as text', { lat: '59.26' }, 'lat'],
    ['time without offset', { occurred_at: '2026-11-20T21:15:00' }, 'occurred_at'],
    ['category with capitals', { category: 'Klotter' }, 'category'],
    ['unknown precision', { precision: 'roughly' }, 'precision'],
    ['demo source from outside', { source: 'demo' }, 'source'],
    ['4001 characters of text', { description: 'a'.repeat(4001) }, 'description'],
    ['a zone without a place', { zone_id: '00000000-0000-4000-8000-000000000000' }, 'zone_id'],
  ])('refuses %s at the right field', (_label, change, path) => {
    const result = IncidentCreateSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('has no place for a person: unknown keys are refused', () => {
    for (const key of ['name', 'personnummer', 'suspect', 'reporter_name']) {
      expect(IncidentCreateSchema.safeParse({ ...valid, [key]: 'x' }).success).toBe(false);
    }
  });

  it('accepts exactly 4000 characters of text', () => {
    expect(IncidentCreateSchema.safeParse({ ...valid, description: 'a'.repeat(4000) }).success).toBe(true);
  });
});

describe('IncidentStatusUpdateSchema', () => {
  it('needs a closure reason exactly when closing', () => {
    expect(IncidentStatusUpdateSchema.safeParse({ status: 'closed', closure_reason: 'fixed' }).success).toBe(true);
    expect(IncidentStatusUpdateSchema.safeParse({ status: 'closed' }).success).toBe(false);
    expect(IncidentStatusUpdateSchema.safeParse({ status: 'in_progress', closure_reason: 'fixed' }).success).toBe(
      false,
    );
  });

  it("needs the unit it was forwarded to exactly when closing as 'not_ours'", () => {
    const unit = '00000000-0000-4000-8000-000000000000';
    expect(
      IncidentStatusUpdateSchema.safeParse({ status: 'closed', closure_reason: 'not_ours', forwarded_to_unit_id: unit })
        .success,
    ).toBe(true);
    expect(IncidentStatusUpdateSchema.safeParse({ status: 'closed', closure_reason: 'not_ours' }).success).toBe(false);
    expect(
      IncidentStatusUpdateSchema.safeParse({ status: 'closed', closure_reason: 'fixed', forwarded_to_unit_id: unit })
        .success,
    ).toBe(false);
  });
});

describe('IncidentListQuerySchema', () => {
  it('parses comma lists, bbox and limit from a query string', () => {
    const q = IncidentListQuerySchema.parse({ category: 'klotter, brand', bbox: '17.9,59.2,18.2,59.4', limit: '50' });
    expect(q.category).toEqual(['klotter', 'brand']);
    expect(q.bbox).toEqual({ minLon: 17.9, minLat: 59.2, maxLon: 18.2, maxLat: 59.4 });
    expect(q.limit).toBe(50);
    expect(q.format).toBe('json');
  });

  it('refuses a bbox with min above max and a limit above 1000', () => {
    expect(IncidentListQuerySchema.safeParse({ bbox: '18.2,59.2,17.9,59.4' }).success).toBe(false);
    expect(IncidentListQuerySchema.safeParse({ limit: '5000' }).success).toBe(false);
  });
});

describe('default taxonomy', () => {
  it('holds the categories the programme asks for, each with Swedish and English labels and a unique code', () => {
    const codes = DEFAULT_CATEGORIES.map((c) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'skadegorelse',
        'klotter',
        'nedskrapning',
        'trasig_belysning',
        'otrygg_plats',
        'ordningsstorning',
        'narkotika',
        'vald',
        'hot',
        'stold_inbrott',
        'brand',
        'trafikfara',
        'annat',
      ]),
    );
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of DEFAULT_CATEGORIES) {
      expect(c.label_sv.length).toBeGreaterThan(0);
      expect(c.label_en.length).toBeGreaterThan(0);
    }
    expect(DEFAULT_CATEGORIES.find((c) => c.code === 'stold_inbrott')?.label_sv).toBe('Stöld/inbrott');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditValues, REDACTED_TEXT } from './audit-values.js';

describe('auditValues', () => {
  it('keeps field names, codes, ids, dates, numbers and booleans, and replaces free text', () => {
    const id = '0b7a6c1e-3f55-4f3c-9a57-1f6f4c1d2e3a';
    expect(
      auditValues({
        status: 'in_progress',
        confidentiality: 'partner',
        unit_id: id,
        occurred_at: '2026-11-20T21:15:00.000Z',
        week: '2026-W47',
        due: '2026-12-01',
        count: 3,
        done: true,
        none: null,
        statement: '[changed]',
        at: new Date('2026-11-20T20:15:00Z'),
        error_code: 'IMPORT_HAS_ERRORS',
        status_note: 'Ring Anna på 070-123 45 67',
        description: 'Tag på muren',
        email: 'boende@example.se',
        word: 'Anna',
        nested: { answer: 'Vi kommer på tisdag', ids: [id], notes: ['Första anteckningen'] },
      }),
    ).toEqual({
      status: 'in_progress',
      confidentiality: 'partner',
      unit_id: id,
      occurred_at: '2026-11-20T21:15:00.000Z',
      week: '2026-W47',
      due: '2026-12-01',
      count: 3,
      done: true,
      none: null,
      statement: '[changed]',
      at: '2026-11-20T20:15:00.000Z',
      error_code: 'IMPORT_HAS_ERRORS',
      status_note: REDACTED_TEXT,
      description: REDACTED_TEXT,
      email: REDACTED_TEXT,
      word: REDACTED_TEXT,
      nested: { answer: REDACTED_TEXT, ids: [id], notes: [REDACTED_TEXT] },
    });
    expect(auditValues({ label_sv: 'Klotter', request_ref: 'KS 2026/17' })).toEqual({
      label_sv: 'Klotter',
      request_ref: 'KS 2026/17',
    });
    expect(auditValues(null)).toBeNull();
  });

  it('never keeps a phone or identity number or a name.surname that looks like a code', () => {
    for (const personal of ['0701234567', '070-1234567', '19800101-1234', 'anna.svensson']) {
      expect(auditValues({ status_note: personal, nested: { note: personal } })).toEqual({
        status_note: REDACTED_TEXT,
        nested: { note: REDACTED_TEXT },
      });
    }
    expect(auditValues({ nil: '00000000-0000-4000-8000-000000000000', due: '2026-12-01', count: '12345' })).toEqual({
      nil: '00000000-0000-4000-8000-000000000000',
      due: '2026-12-01',
      count: '12345',
    });
  });

  it('never keeps a text with a space, a letter outside a–z or punctuation under any other name, at any depth', () => {
    const freeText = fc
      .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(' ', '@', 'Ö', 'é', ','), fc.string({ maxLength: 20 }))
      .map(([a, b, c]) => `${a}${b}${c}`);
    const key = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !['label_sv', 'label_en', 'request_ref'].includes(k));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        freeText,
        fc.integer(),
        fc.boolean(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }), (values) => {
        const strings: string[] = [];
        const collect = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v);
          else if (v && typeof v === 'object') Object.values(v).forEach(collect);
        };
        collect(auditValues(values));
        expect(strings.every((s) => s === REDACTED_TEXT)).toBe(true);
      }),
    );
  });

  it('is on the only path into audit_events: no other source file writes the table', () => {
    const root = new URL('../', import.meta.url).pathname;
    const writers: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'migrations' && entry.name !== 'web') walk(path);
          continue;
        }
        if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
        if (/insertInto\(\s*'audit_events'\s*\)|INSERT INTO audit_events/i.test(readFileSync(path, 'utf8')))
          writers.push(path.slice(root.length));
      }
    };
    walk(root);
    expect(writers).toEqual(['core/audit.repo.ts']);
  });
});

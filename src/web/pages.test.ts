import { describe, expect, it } from 'vitest';
import { POLICIES } from '../domain/policies.js';
import { CONFIRM_CONTACT_PATH } from '../domain/web-paths.js';
import { en } from './i18n/en.js';
import { sv } from './i18n/sv.js';
import { PAGES, type PageAccess } from './pages.js';

const lookup = (resources: object, key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);

describe('the page table', () => {
  it('holds the page the reporter’s confirmation mail links to', () => {
    expect(Object.keys(PAGES)).toContain(CONFIRM_CONTACT_PATH.replace(/^\//, ''));
  });

  it('names policies of the server’s table, and names and access sentences that exist in both languages', () => {
    for (const [path, access] of Object.entries(PAGES) as Array<[string, PageAccess]>) {
      expect(POLICIES[access.policy], path).toBeDefined();
      for (const key of [access.noAccess, access.title].filter((k) => k !== undefined)) {
        expect(typeof lookup(sv, key), `${path} ${key} sv`).toBe('string');
        expect(typeof lookup(en, key), `${path} ${key} en`).toBe('string');
      }
    }
  });
});

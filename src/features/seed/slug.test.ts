import { describe, expect, it } from 'vitest';
import { slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Högdalen', 'hogdalen'],
    ['Ulvsunda industriområde', 'ulvsunda-industriomrade'],
    ['Enskede-Årsta-Vantör', 'enskede-arsta-vantor'],
    ['Hässelby gård', 'hasselby-gard'],
    ['S:t Eriksplan', 's-t-eriksplan'],
    ['Café Étoile', 'cafe-etoile'],
    ['  Norra innerstaden ', 'norra-innerstaden'],
  ])('%s → %s', (name, code) => {
    expect(slugify(name)).toBe(code);
    expect(slugify(name)).toMatch(/^[a-z0-9-]+$/);
  });
});

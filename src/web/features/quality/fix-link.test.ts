import { describe, expect, it } from 'vitest';
import { fixPath } from './fix-link.js';

const unit = { id: 'eav', name: 'Enskede-Årsta-Vantör' };

describe('quality item links', () => {
  it('opens problems and measures on their own pages', () => {
    expect(fixPath({ link: { entity: 'problem', id: 'p1' }, parent: null, unit })).toBe('/problems/p1');
    expect(fixPath({ link: { entity: 'measure', id: 'm1' }, parent: null, unit })).toBe('/measures/m1');
  });

  it("opens a follow-up on its measure's page and a request on its problem's page", () => {
    expect(fixPath({ link: { entity: 'followup', id: 'f1' }, parent: { entity: 'measure', id: 'm1' }, unit })).toBe(
      '/measures/m1',
    );
    expect(fixPath({ link: { entity: 'request', id: 'r1' }, parent: { entity: 'problem', id: 'p1' }, unit })).toBe(
      '/problems/p1',
    );
    expect(fixPath({ link: { entity: 'followup', id: 'f1' }, parent: null, unit })).toBeNull();
  });

  it("opens an agreement among its district's agreements", () => {
    expect(fixPath({ link: { entity: 'agreement', id: 'a1' }, parent: null, unit })).toBe(
      '/agreements?district=eav#agreement-a1',
    );
  });
});

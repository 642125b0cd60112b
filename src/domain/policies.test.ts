import { describe, expect, it } from 'vitest';
import { actsForUnit, editsForUnit, type UnitRole } from './policies.js';

const UNIT = 'unit-a';
const OTHER = 'unit-b';
const as = (role: UnitRole['role'], unit = UNIT): UnitRole[] => [{ role, unit }];

describe('the row rules of a unit', () => {
  it('a unit is edited by its editors and coordinators, and by admins of any unit', () => {
    expect(editsForUnit(as('unit_editor'), UNIT)).toBe(true);
    expect(editsForUnit(as('coordinator'), UNIT)).toBe(true);
    expect(editsForUnit(as('admin', OTHER), UNIT)).toBe(true);
    expect(editsForUnit(as('coordinator', OTHER), UNIT)).toBe(false);
    expect(editsForUnit(as('analyst'), UNIT)).toBe(false);
    expect(editsForUnit(as('partner_viewer'), UNIT)).toBe(false);
    expect(editsForUnit([], UNIT)).toBe(false);
  });

  it('acting for a unit is open to its members except analysts, and to admins', () => {
    expect(actsForUnit(as('partner_viewer'), UNIT)).toBe(true);
    expect(actsForUnit(as('unit_editor'), UNIT)).toBe(true);
    expect(actsForUnit(as('admin', OTHER), UNIT)).toBe(true);
    expect(actsForUnit(as('analyst'), UNIT)).toBe(false);
    expect(actsForUnit(as('unit_editor', OTHER), UNIT)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canChangeProgrammeStatus,
  ProgrammeSectionCreateSchema,
  ProgrammeStatusChangeSchema,
  ProgrammeStatusSchema,
  sectionNumber,
} from './programmes.js';

describe('programme version status', () => {
  const allowed = new Set([
    'draft→consultation',
    'draft→adopted',
    'consultation→draft',
    'consultation→adopted',
    'adopted→replaced',
  ]);

  it('allows exactly the moves of the state machine and refuses every other', () => {
    for (const from of ProgrammeStatusSchema.options)
      for (const to of ProgrammeStatusSchema.options)
        expect(canChangeProgrammeStatus(from, to), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
  });

  it('never lets an adopted or replaced version back into draft', () => {
    expect(canChangeProgrammeStatus('adopted', 'draft')).toBe(false);
    expect(canChangeProgrammeStatus('replaced', 'adopted')).toBe(false);
    expect(canChangeProgrammeStatus('replaced', 'draft')).toBe(false);
  });

  it('requires the decision reference and day for an adoption', () => {
    expect(ProgrammeStatusChangeSchema.safeParse({ status: 'adopted' }).success).toBe(false);
    expect(ProgrammeStatusChangeSchema.safeParse({ status: 'adopted', decision_ref: 'KS 2020/1939' }).success).toBe(
      false,
    );
    expect(
      ProgrammeStatusChangeSchema.safeParse({
        status: 'adopted',
        decision_ref: 'KS 2020/1939',
        adopted_on: '2020-06-15',
      }).success,
    ).toBe(true);
    expect(ProgrammeStatusChangeSchema.safeParse({ status: 'consultation' }).success).toBe(true);
  });
});

describe('programme sections', () => {
  it('numbers the goal by its chapter and the others within theirs', () => {
    expect(sectionNumber('goal', 0)).toBe('1');
    expect(sectionNumber('sub_goal', 0)).toBe('2.1');
    expect(sectionNumber('responsibility', 2)).toBe('3.3');
    expect(sectionNumber('definition', 0)).toBe('4.1');
  });

  it('has a responsibility name its holder, and no other section', () => {
    const body = 'Samordnar det lokala arbetet.';
    expect(ProgrammeSectionCreateSchema.safeParse({ kind: 'responsibility', body }).success).toBe(false);
    expect(
      ProgrammeSectionCreateSchema.safeParse({ kind: 'responsibility', body, unit_kind: 'district' }).success,
    ).toBe(true);
    expect(ProgrammeSectionCreateSchema.safeParse({ kind: 'sub_goal', body, unit_kind: 'district' }).success).toBe(
      false,
    );
    expect(
      ProgrammeSectionCreateSchema.safeParse({
        kind: 'responsibility',
        body,
        unit_kind: 'district',
        unit_id: '00000000-0000-4000-8000-000000000000',
      }).success,
    ).toBe(false);
  });

  it('has a definition name its term, and only goals carry indicators', () => {
    expect(ProgrammeSectionCreateSchema.safeParse({ kind: 'definition', body: 'Text' }).success).toBe(false);
    expect(
      ProgrammeSectionCreateSchema.safeParse({
        kind: 'definition',
        heading: 'Offentlig miljö',
        body: 'Text',
        indicator_problem_ids: ['00000000-0000-4000-8000-000000000000'],
      }).success,
    ).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessGoal } from './goal-assessment.js';

// Known answers worked by hand from the rule in docs/management-export.md ("Bedömning").
describe('assessGoal', () => {
  it('judges a goal where fewer incidents is the aim: baseline 84, target 60', () => {
    const at = (outcome: number) => assessGoal({ baseline: 84, target: 60, outcome, direction: 'lower' });
    expect(at(60)).toEqual({ assessment: 'met', reason: 'target_reached' });
    expect(at(12)).toEqual({ assessment: 'met', reason: 'target_reached' });
    expect(at(61)).toEqual({ assessment: 'partly_met', reason: 'improved' });
    expect(at(83)).toEqual({ assessment: 'partly_met', reason: 'improved' });
    expect(at(84)).toEqual({ assessment: 'not_met', reason: 'not_improved' });
    expect(at(100)).toEqual({ assessment: 'not_met', reason: 'not_improved' });
  });

  it('judges a goal where more is the aim: baseline 40, target 50', () => {
    const at = (outcome: number) => assessGoal({ baseline: 40, target: 50, outcome, direction: 'higher' });
    expect(at(50)).toEqual({ assessment: 'met', reason: 'target_reached' });
    expect(at(45)).toEqual({ assessment: 'partly_met', reason: 'improved' });
    expect(at(40)).toEqual({ assessment: 'not_met', reason: 'not_improved' });
    expect(at(30)).toEqual({ assessment: 'not_met', reason: 'not_improved' });
  });

  it('cannot assess without a baseline, an outcome or a target, in that order', () => {
    expect(assessGoal({ baseline: null, target: null, outcome: null, direction: 'lower' })).toEqual({
      assessment: 'not_assessable',
      reason: 'no_baseline',
    });
    expect(assessGoal({ baseline: 10, target: null, outcome: null, direction: 'lower' }).reason).toBe('no_outcome');
    expect(assessGoal({ baseline: 10, target: null, outcome: 4, direction: 'lower' })).toEqual({
      assessment: 'not_assessable',
      reason: 'no_target',
    });
  });

  it('counts a target set on the wrong side of the baseline as reached only when the outcome reaches it', () => {
    expect(assessGoal({ baseline: 10, target: 12, outcome: 11, direction: 'lower' }).assessment).toBe('met');
    expect(assessGoal({ baseline: 10, target: 12, outcome: 13, direction: 'lower' }).assessment).toBe('not_met');
  });

  it('is the mirror image for the opposite direction', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (baseline, target, outcome) => {
        // Negating every figure turns "lower is better" into "higher is better" without changing the verdict.
        const lower = assessGoal({ baseline, target, outcome, direction: 'lower' });
        const higher = assessGoal({ baseline: -baseline, target: -target, outcome: -outcome, direction: 'higher' });
        expect(higher).toEqual(lower);
      }),
    );
  });

  it('never calls a goal met or partly met when the outcome is not better than the baseline and misses the target', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (baseline, target, outcome) => {
        const { assessment } = assessGoal({ baseline, target, outcome, direction: 'lower' });
        if (outcome > target && outcome >= baseline) expect(assessment).toBe('not_met');
        if (outcome <= target) expect(assessment).toBe('met');
      }),
    );
  });
});

/**
 * Did the problem move next door? The weighted displacement quotient (Bowers & Johnson 2003, "Measuring the
 * geographical displacement and diffusion of benefit effects of crime prevention activity", J Quant Criminol
 * 19:275) compares the treatment area R, a buffer around it D and a control area C, before (b) and after (a):
 *   success measure SM = R_a/C_a − R_b/C_b   (< 0: the treatment area fell relative to the control)
 *   buffer measure  BM = D_a/C_a − D_b/C_b   (> 0: displacement into the buffer, < 0: diffusion of benefits)
 *   WDQ = BM/SM, meaningful only when SM < 0:
 *     WDQ > 0        diffusion of benefits into the buffer;
 *     0 > WDQ > −1   some displacement, but less than the direct effect (a net gain);
 *     WDQ ≤ −1       displacement as large as or larger than the direct effect.
 *   Total net effect TNE = [R_b·(C_a/C_b) − R_a] + [D_b·(C_a/C_b) − D_a]: incidents prevented in treatment and
 *   buffer together, beyond the control area's trend.
 * The WDQ itself carries no uncertainty; `bufferChange` (the buffer's RES against the control) says whether
 * the buffer's movement is more than chance.
 */
import { type RelativeEffect, type RelativeEffectOptions, relativeEffect } from './relative-effect.js';

/** Before and after counts of one area. */
export interface Period {
  before: number;
  after: number;
}

/** The three areas of a displacement design. */
export interface DisplacementCounts {
  treatment: Period;
  buffer: Period;
  control: Period;
}

/** What the WDQ says, by Bowers & Johnson's reading. */
export type DisplacementReading =
  /** SM ≥ 0: no relative fall in the treatment area, so the WDQ is not defined. */
  | 'no-success'
  /** WDQ > 0. */
  | 'diffusion'
  /** WDQ = 0: the buffer moved exactly as the control. */
  | 'none'
  /** −1 < WDQ < 0. */
  | 'displacement-net-gain'
  /** WDQ ≤ −1. */
  | 'displacement-exceeds';

/** The result of `weightedDisplacement`. */
export interface Displacement {
  successMeasure: number;
  bufferMeasure: number;
  /** BM/SM when SM < 0, else null. */
  wdq: number | null;
  reading: DisplacementReading;
  /** Incidents prevented in treatment and buffer together, beyond the control's trend (negative: more happened). */
  totalNetEffect: number;
  /** The buffer's relative effect size against the control (RES > 1: the buffer fell relative to the control). */
  bufferChange: RelativeEffect;
}

function checkPeriod(name: string, period: Period): void {
  for (const v of [period.before, period.after])
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} counts must be non-negative integers, got ${v}`);
}

/**
 * Weighted displacement quotient with success and buffer measures, total net effect and the buffer's own
 * change against the control. The control area must have events in both periods (its counts divide).
 * @example
 * weightedDisplacement({ treatment: { before: 100, after: 60 }, buffer: { before: 50, after: 45 }, control: { before: 200, after: 200 } })
 * // SM = 0.30 − 0.50 = −0.20, BM = 0.225 − 0.25 = −0.025, WDQ = 0.125 ('diffusion'), TNE = 40 + 5 = 45
 */
export function weightedDisplacement(counts: DisplacementCounts, options: RelativeEffectOptions = {}): Displacement {
  const { treatment, buffer, control } = counts;
  checkPeriod('treatment', treatment);
  checkPeriod('buffer', buffer);
  checkPeriod('control', control);
  if (control.before === 0 || control.after === 0)
    throw new RangeError('the control area needs events in both periods: its counts are the denominators');
  const successMeasure = treatment.after / control.after - treatment.before / control.before;
  const bufferMeasure = buffer.after / control.after - buffer.before / control.before;
  const wdq = successMeasure < 0 ? bufferMeasure / successMeasure : null;
  const reading: DisplacementReading =
    wdq === null
      ? 'no-success'
      : wdq > 0
        ? 'diffusion'
        : wdq === 0
          ? 'none'
          : wdq > -1
            ? 'displacement-net-gain'
            : 'displacement-exceeds';
  const trend = control.after / control.before;
  const totalNetEffect = treatment.before * trend - treatment.after + (buffer.before * trend - buffer.after);
  const bufferChange = relativeEffect(
    {
      treatmentBefore: buffer.before,
      treatmentAfter: buffer.after,
      comparisonBefore: control.before,
      comparisonAfter: control.after,
    },
    options,
  );
  return { successMeasure, bufferMeasure, wdq, reading, totalNetEffect, bufferChange };
}

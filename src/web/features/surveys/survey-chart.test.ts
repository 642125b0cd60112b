import { describe, expect, it } from 'vitest';
import type { SurveyPoint } from '../../../domain/surveys.js';
import { axisTop, layoutChart } from './survey-chart.js';

const point = (year: number, share: number | null, ci: SurveyPoint['ci'] = null): SurveyPoint => ({
  year,
  share,
  respondents: null,
  ci,
  shares: [],
  source: null,
});

describe('survey chart layout', () => {
  it('rounds the axis up past the highest share or interval', () => {
    expect(axisTop([21, 11, 26])).toBe(30);
    expect(axisTop([8, 11])).toBe(15);
    expect(axisTop([64, 70])).toBe(80);
    expect(axisTop([77])).toBe(100);
    expect(axisTop([99])).toBe(100);
    expect(axisTop([])).toBe(10);
  });

  it('places years in order on one scale for both series and leaves out years without a share', () => {
    const area = [point(2017, 21), point(2020, 11)];
    const city = [point(2014, 8), point(2017, 11, { low: 10.5, high: 11.5 }), point(2020, null)];
    const layout = layoutChart([area, city], 600, 300);
    expect(layout.xTicks.map((t) => t.year)).toEqual([2014, 2017, 2020]);
    expect(layout.series[1]!.map((p) => p.year)).toEqual([2014, 2017]);
    const [rk2017] = layout.series[0]!;
    expect(rk2017!.x).toBe(layout.series[1]![1]!.x);
    // A higher share is drawn higher (a smaller y); the interval brackets its point.
    expect(rk2017!.y).toBeLessThan(layout.series[1]![1]!.y);
    const withCi = layout.series[1]![1]!;
    expect(withCi.ci!.top).toBeLessThan(withCi.y);
    expect(withCi.ci!.bottom).toBeGreaterThan(withCi.y);
    expect(layout.yTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20, 25]);
  });
});

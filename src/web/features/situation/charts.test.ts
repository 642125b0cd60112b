import { describe, expect, it } from 'vitest';
import { shade } from './charts.js';

const lum = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+/g) ?? [])
    .map(Number)
    .map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('time grid shading', () => {
  it('keeps text at 4.5:1 or more on every shade (WCAG 1.4.3)', () => {
    for (let i = 0; i <= 100; i++) {
      const { background, color } = shade(i / 100);
      expect(contrast(lum(background), color === '#ffffff' ? 1 : 0), `share ${i / 100}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

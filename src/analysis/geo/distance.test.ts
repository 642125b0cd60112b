import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxAround, distanceMetres } from './distance.js';

describe('distanceMetres', () => {
  it('gives one thousandth of a degree of latitude as about 111.2 m (2πR/360 000)', () => {
    expect(distanceMetres(18, 59, 18, 59.001)).toBeCloseTo(111.19, 1);
  });

  it('gives a degree of longitude at 60° N as half of one at the equator (cos 60° = ½)', () => {
    expect(distanceMetres(18, 60, 18.001, 60) / distanceMetres(18, 0, 18.001, 0)).toBeCloseTo(0.5, 4);
  });

  it('puts every point within `metres` inside the box around it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 17, max: 19, noNaN: true }),
        fc.double({ min: 58, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (lon, lat, angle, share) => {
          const metres = 250;
          const dLat = ((share * metres) / 6_371_008.8) * (180 / Math.PI);
          const p = {
            lon: lon + (Math.cos(angle) * dLat) / Math.cos((lat * Math.PI) / 180),
            lat: lat + Math.sin(angle) * dLat,
          };
          const box = boxAround([{ lon, lat }], metres);
          if (distanceMetres(lon, lat, p.lon, p.lat) <= metres) {
            expect(p.lon).toBeGreaterThanOrEqual(box.minLon);
            expect(p.lon).toBeLessThanOrEqual(box.maxLon);
            expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
            expect(p.lat).toBeLessThanOrEqual(box.maxLat);
          }
        },
      ),
    );
  });
});

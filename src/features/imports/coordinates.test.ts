import { describe, expect, it } from 'vitest';
import { guessCrs, parseCrs, projectedToWgs84 } from './coordinates.js';

/**
 * Control points published by Lantmäteriet ("Kontrollpunkter", SWEREF 99 TM ↔ geodetic, to the millimetre),
 * as quoted in the test suite of github.com/lluft/swedishgrid (test/swedishgrid_test.rb).
 */
const LANTMATERIET_CONTROL_POINTS = [
  {
    northing: 7_454_204.638,
    easting: 761_811.242,
    lat: 67 + 5 / 60 + 26.452769 / 3600,
    lon: 21 + 2 / 60 + 5.101575 / 3600,
  },
  {
    northing: 7_046_077.605,
    easting: 562_140.337,
    lat: 63 + 32 / 60 + 14.761735 / 3600,
    lon: 16 + 14 / 60 + 59.594626 / 3600,
  },
  {
    northing: 6_669_189.376,
    easting: 486_557.055,
    lat: 60 + 9 / 60 + 33.882413 / 3600,
    lon: 14 + 45 / 60 + 28.167152 / 3600,
  },
  {
    northing: 6_246_136.458,
    easting: 430_374.835,
    lat: 56 + 21 / 60 + 17.199245 / 3600,
    lon: 13 + 52 / 60 + 23.754022 / 3600,
  },
];

/**
 * Stockholm Central Station in WGS84, SWEREF 99 TM and SWEREF 99 18 00, from the test suites of
 * github.com/TomasJohansson/sweden_crs_transformations_4typescript (gauss_kreuger.test.ts, crs_coordinate tests).
 */
const STOCKHOLM_CENTRAL = {
  lat: 59.330231,
  lon: 18.059196,
  tm: { n: 6_580_822, e: 674_032 },
  local: { n: 6_579_457.649, e: 153_369.673 },
};

describe('SWEREF 99 → WGS84', () => {
  it.each(LANTMATERIET_CONTROL_POINTS)('meets Lantmäteriet control point N $northing E $easting within 1e-7°', (p) => {
    const { lon, lat } = projectedToWgs84('EPSG:3006', p.easting, p.northing);
    expect(Math.abs(lat - p.lat)).toBeLessThan(1e-7);
    expect(Math.abs(lon - p.lon)).toBeLessThan(1e-7);
  });

  it('puts Stockholm Central Station in the same place from SWEREF 99 TM and from SWEREF 99 18 00', () => {
    const fromTm = projectedToWgs84('EPSG:3006', STOCKHOLM_CENTRAL.tm.e, STOCKHOLM_CENTRAL.tm.n);
    const fromLocal = projectedToWgs84('EPSG:3011', STOCKHOLM_CENTRAL.local.e, STOCKHOLM_CENTRAL.local.n);
    // The TM figures are rounded to the metre (~1e-5°); the 18 00 ones are given to the millimetre.
    expect(fromTm.lat).toBeCloseTo(STOCKHOLM_CENTRAL.lat, 5);
    expect(fromTm.lon).toBeCloseTo(STOCKHOLM_CENTRAL.lon, 4);
    expect(fromLocal.lat).toBeCloseTo(STOCKHOLM_CENTRAL.lat, 6);
    expect(fromLocal.lon).toBeCloseTo(STOCKHOLM_CENTRAL.lon, 6);
  });
});

describe('coordinate system names and guesses', () => {
  it.each([
    ['EPSG:3011', 'EPSG:3011'],
    ['3006', 'EPSG:3006'],
    ['SWEREF 99 TM', 'EPSG:3006'],
    ['sweref99_18_00', 'EPSG:3011'],
    ['WGS84', 'EPSG:4326'],
    ['RT90', null],
  ])('reads %s as %s', (text, crs) => expect(parseCrs(text)).toBe(crs));

  it('tells the Stockholm local zone from the national grid by the easting', () => {
    expect(guessCrs(STOCKHOLM_CENTRAL.local.e, STOCKHOLM_CENTRAL.local.n)).toBe('EPSG:3011');
    expect(guessCrs(STOCKHOLM_CENTRAL.tm.e, STOCKHOLM_CENTRAL.tm.n)).toBe('EPSG:3006');
    // northing in the easting column: not a Swedish pair as given
    expect(guessCrs(STOCKHOLM_CENTRAL.tm.n, STOCKHOLM_CENTRAL.tm.e)).toBeNull();
  });
});

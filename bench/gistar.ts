/**
 * Gi* over the whole of Stockholm: ~300k incidents (a year of everything) aggregated to H3 res 9, tested on
 * every res-9 cell of the city's land (k = 1). Budget: the Gi* step under 1 s.
 *   npx tsx bench/gistar.ts
 * Incidents are synthetic: 70 % spread over the city, 30 % in 40 Gaussian clusters (σ ≈ 300 m), so the
 * count table has the long tail real data has. Their res-9 cells are computed here as the database stores them.
 */
import { readFileSync } from 'node:fs';
import { cellToLatLng, latLngToCell, polygonToCells } from 'h3-js';
import { xoroshiro128plus } from 'pure-rand';
import { gistarH3 } from '../src/analysis/stats/gistar.js';

const INCIDENTS = 300_000;
const BUDGET_MS = 1000;

type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

function studyCells(): string[] {
  const url = new URL('../../shared/data/stockholm/stadsdelar_117_simplified_land_only.geojson', import.meta.url);
  try {
    const fc = JSON.parse(readFileSync(url, 'utf8')) as { features: Array<{ geometry: Geometry }> };
    const cells = new Set<string>();
    for (const { geometry } of fc.features) {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const p of polygons) for (const c of polygonToCells(p, 9, true)) cells.add(c);
    }
    return [...cells];
  } catch {
    // Without the shared data, a box over the inner city of about the same area.
    const box = [
      [
        [17.85, 59.25],
        [18.2, 59.25],
        [18.2, 59.4],
        [17.85, 59.4],
        [17.85, 59.25],
      ],
    ];
    return polygonToCells(box, 9, true);
  }
}

const rng = xoroshiro128plus(20261120);
const uniform = () => (rng.unsafeNext() >>> 0) / 4_294_967_296;
const gaussian = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());

let t = performance.now();
const cells = studyCells();
const tStudy = performance.now() - t;
const centres = cells.map((c) => cellToLatLng(c));
const clusters = Array.from({ length: 40 }, () => centres[Math.floor(uniform() * centres.length)]!);

// What the database holds per incident: its res-9 cell.
const incidentCells: string[] = [];
t = performance.now();
for (let i = 0; i < INCIDENTS; i++) {
  let lat: number;
  let lon: number;
  if (uniform() < 0.7) {
    [lat, lon] = centres[Math.floor(uniform() * centres.length)]!;
    lat += (uniform() - 0.5) * 0.003;
    lon += (uniform() - 0.5) * 0.006;
  } else {
    const [clat, clon] = clusters[Math.floor(uniform() * clusters.length)]!;
    lat = clat + gaussian() * 0.0027; // ≈ 300 m
    lon = clon + gaussian() * 0.0053;
  }
  incidentCells.push(latLngToCell(lat, lon, 9));
}
const tIndex = performance.now() - t;

t = performance.now();
const counts = new Map<string, number>();
for (const c of incidentCells) counts.set(c, (counts.get(c) ?? 0) + 1);
const tCount = performance.now() - t;

function timeGi(pMethod: 'normal' | 'exact-binomial') {
  gistarH3(counts, cells, 1, { pMethod }); // warm-up (JIT, h3 wasm)
  const start = performance.now();
  const r = gistarH3(counts, cells, 1, { pMethod });
  return { ms: performance.now() - start, r };
}
const normal = timeGi('normal');
const binomial = timeGi('exact-binomial');
const hot = normal.r.cells.filter((c) => c.fdrClass.startsWith('hot')).length;

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `study area: ${cells.length} res-9 cells (built in ${fmt(tStudy)}); ${INCIDENTS} incidents, ${normal.r.total} inside, ${normal.r.outside} outside`,
);
console.log(`latLngToCell for every incident (done at write time, not per map): ${fmt(tIndex)}`);
console.log(`count by cell: ${fmt(tCount)}`);
console.log(
  `Gi* k=1, normal p + BH:          ${fmt(normal.ms)}  (${((normal.ms / BUDGET_MS) * 100).toFixed(1)} % of the 1 s budget; ${hot} FDR hot cells)`,
);
console.log(
  `Gi* k=1, exact-binomial p + BH:  ${fmt(binomial.ms)}  (${((binomial.ms / BUDGET_MS) * 100).toFixed(1)} % of budget)`,
);
console.log(`count + Gi* (normal):            ${fmt(tCount + normal.ms)}`);
if (tCount + normal.ms > BUDGET_MS) process.exitCode = 1;

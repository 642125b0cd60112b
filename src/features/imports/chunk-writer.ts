import type { Db } from '../org/org.repo.js';
import type { ReportBuilder } from './import-report.js';
import {
  type ExistingIncident, findExistingByRef, findNearDuplicates, insertCandidates, type RowDefaults, updateCandidates,
} from './imports.repo.js';
import type { Candidate } from './row-mapper.js';

const NEAR_METRES = 25;
const NEAR_MS = 10 * 60_000;
// Grid cells a little larger than 25 m at Swedish latitudes, so a near neighbour is always in the 3×3 block.
const CELL_LAT = 0.00025;
const CELL_LON = 0.0005;

function metresApart(a: Candidate, b: Candidate): number {
  const dx = (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180) * 111_320;
  const dy = (a.lat - b.lat) * 111_320;
  return Math.hypot(dx, dy);
}

/** Rows of one chunk that repeat an earlier row of the same chunk: same category, ≤ 25 m and ≤ 10 minutes. */
function nearDuplicatesWithinChunk(rows: readonly Candidate[]): Map<Candidate, Candidate> {
  const grid = new Map<string, Candidate[]>();
  const dupes = new Map<Candidate, Candidate>();
  for (const c of rows) {
    const [cy, cx] = [Math.floor(c.lat / CELL_LAT), Math.floor(c.lon / CELL_LON)];
    let earlier: Candidate | undefined;
    for (let dy = -1; dy <= 1 && !earlier; dy++) {
      for (let dx = -1; dx <= 1 && !earlier; dx++) {
        earlier = grid.get(`${c.categoryId}|${cy + dy}|${cx + dx}`)?.find((o) =>
          Math.abs(o.occurredAt.getTime() - c.occurredAt.getTime()) <= NEAR_MS && metresApart(o, c) <= NEAR_METRES);
      }
    }
    if (earlier) { dupes.set(c, earlier); continue; }
    const key = `${c.categoryId}|${cy}|${cx}`;
    const cell = grid.get(key);
    if (cell) cell.push(c); else grid.set(key, [c]);
  }
  return dupes;
}

/** True when writing the candidate would change the stored incident's source fields. */
function differs(e: ExistingIncident, c: Candidate): boolean {
  return new Date(e.occurred_at).getTime() !== c.occurredAt.getTime()
    || (c.reportedAt !== null && new Date(e.reported_at).getTime() !== c.reportedAt.getTime())
    || e.category_id !== c.categoryId || Math.abs(e.lon - c.lon) > 1e-9 || Math.abs(e.lat - c.lat) > 1e-9
    || e.precision !== c.precision || e.place_id !== c.placeId || (e.description ?? null) !== c.description;
}

/**
 * Writes one chunk of accepted rows inside the run's transaction, after sorting out repeats:
 * a source id seen earlier in the file (in this chunk, or written by this run) is skipped; one already in
 * the database updates that incident when something changed and is otherwise left alone (so re-importing
 * a file changes nothing); new rows close to an incident of the same category (≤ 25 m, ≤ 10 min) — in
 * the file or in the database — are skipped unless the profile keeps them. Because earlier chunks are
 * already written in the same transaction, "earlier in the file" needs no memory beyond one chunk.
 */
export async function writeChunk(
  db: Db, candidates: readonly Candidate[], defaults: RowDefaults, report: ReportBuilder, keepNear: boolean,
): Promise<void> {
  const firstByRef = new Map<string, Candidate>();
  const unique: Candidate[] = [];
  for (const c of candidates) {
    const first = firstByRef.get(c.sourceRef);
    if (first) report.addDuplicate('source_ref_in_file', c.row, `same id as row ${first.row}`);
    else { firstByRef.set(c.sourceRef, c); unique.push(c); }
  }

  const existing = new Map((await findExistingByRef(db, defaults.organisationId, defaults.source, unique.map((c) => c.sourceRef)))
    .map((e) => [e.source_ref!, e]));
  const fresh: Candidate[] = [];
  const updates: Array<{ id: string; candidate: Candidate }> = [];
  for (const c of unique) {
    const e = existing.get(c.sourceRef);
    if (!e) fresh.push(c);
    else if (e.import_run_id === defaults.runId) report.addDuplicate('source_ref_in_file', c.row, 'same id as an earlier row of the file');
    else if (differs(e, c)) { updates.push({ id: e.id, candidate: c }); report.addExisting(true); }
    else report.addExisting(false);
  }

  let toInsert = fresh;
  if (!keepNear) {
    const points = fresh.filter((c) => c.precision === 'exact' || c.precision === 'place');
    const inChunk = nearDuplicatesWithinChunk(points);
    const probes = points.filter((c) => !inChunk.has(c));
    const inDb = await findNearDuplicates(db, defaults.organisationId, defaults.runId,
      probes.map((c, idx) => ({ idx, at: c.occurredAt, lon: c.lon, lat: c.lat, categoryId: c.categoryId })), NEAR_METRES, NEAR_MS / 60_000);
    const skip = new Set<Candidate>(inChunk.keys());
    for (const [c, earlier] of inChunk) report.addDuplicate('near_in_file', c.row, `same category within 25 m and 10 minutes of row ${earlier.row}`);
    for (const [idx, hit] of inDb) {
      const c = probes[idx]!;
      skip.add(c);
      report.addDuplicate(hit.inRun ? 'near_in_file' : 'near_in_database', c.row,
        hit.inRun ? 'same category within 25 m and 10 minutes of an earlier row' : 'same category within 25 m and 10 minutes of a stored incident');
    }
    if (skip.size) toInsert = fresh.filter((c) => !skip.has(c));
  }
  await insertCandidates(db, toInsert, defaults);
  report.addInserted(toInsert.length);
  await updateCandidates(db, updates, defaults.runId);
}

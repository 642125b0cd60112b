import { analyzeIncidents, ownsIncidents, withoutIncidentIndexes } from './bulk-load.repo.js';
import type { Db } from '../../core/context.js';
import type { DuplicateKind, ReportBuilder } from './import-report.js';
import {
  countIncidentRows,
  countStage,
  insertStaged,
  markExisting,
  markNearInFile,
  markNearStored,
  markRefRepeats,
  nearPairsInFile,
  prepareStage,
  type RowDefaults,
  stageExamples,
  updateStaged,
} from './stage.repo.js';

/**
 * Below this many new rows an import writes into incidents as it stands. From it on, and when the new
 * rows are at least a quarter of the table, maintaining nine indexes and checking nine foreign keys row
 * by row costs far more than building them once: measured ≈ 0.8 ms a row on PGlite.
 */
export const BULK_MIN_ROWS = 50_000;

export function wantsBulkLoad(newRows: number, storedRows: number): boolean {
  return newRows >= BULK_MIN_ROWS && newRows * 4 >= storedRows;
}

const NEAR_METRES = 25;
const NEAR_MINUTES = 10;
const MAX_EXAMPLES = 100;

/**
 * Of the pairs of nearby rows (later, earlier), the later rows that repeat a row that is itself kept:
 * rows are judged in file order, so in a chain A–B–C where only neighbours are near, B repeats A and
 * C is kept (C is near nothing that stays).
 */
export function repeatsOfKeptRows(
  pairs: ReadonlyArray<{ later: number; earlier: number }>,
): Array<{ row: number; of: number }> {
  const dropped = new Set<number>();
  const repeats: Array<{ row: number; of: number }> = [];
  let current = -1;
  for (const { later, earlier } of pairs) {
    if (later === current || dropped.has(earlier)) continue;
    // Pairs come sorted by (later, earlier): the first kept partner decides, the rest of this row's pairs are skipped.
    current = later;
    dropped.add(later);
    repeats.push({ row: later, of: earlier });
  }
  return repeats;
}

const MESSAGES: Record<DuplicateKind, (of: number | null) => string> = {
  source_ref_in_file: (of) => `same id as row ${of}`,
  near_in_file: (of) => `same category within ${NEAR_METRES} m and ${NEAR_MINUTES} minutes of row ${of}`,
  near_in_database: () => `same category within ${NEAR_METRES} m and ${NEAR_MINUTES} minutes of a stored incident`,
};

/**
 * Sorts out the repeats among the staged rows and, when `write`, stores the rest. A source id seen
 * earlier in the file is skipped; one already stored updates that incident when something changed and
 * is otherwise left alone (so re-importing a file changes nothing); a new point row close to a stored
 * incident of the same category (≤ 25 m, ≤ 10 min), or to a kept earlier row of the file, is skipped
 * unless the profile keeps such rows. The report gets the counts and the first examples.
 */
export async function settleStage(
  db: Db,
  d: RowDefaults,
  report: ReportBuilder,
  options: { keepNear: boolean; write: boolean },
): Promise<void> {
  await prepareStage(db);
  await markRefRepeats(db);
  await markExisting(db, d.organisationId, d.source);
  if (!options.keepNear) {
    await markNearStored(db, d.organisationId, NEAR_METRES, NEAR_MINUTES);
    await markNearInFile(db, repeatsOfKeptRows(await nearPairsInFile(db, NEAR_METRES, NEAR_MINUTES)));
  }
  const counts = await countStage(db);
  const examples = await stageExamples(db, MAX_EXAMPLES);
  for (const kind of Object.keys(MESSAGES) as DuplicateKind[]) {
    report.addDuplicates(
      kind,
      counts.skipped[kind] ?? 0,
      examples
        .filter((e) => e.skip === kind)
        .map((e) => ({
          row: e.row,
          message: MESSAGES[kind](e.dup_of),
          params: { ...(e.dup_of === null ? {} : { row: e.dup_of }), metres: NEAR_METRES, minutes: NEAR_MINUTES },
        })),
    );
  }
  report.addExisting(counts.changed, counts.unchanged);
  report.addInserted(counts.fresh);
  if (!options.write) return;
  const write = async () => {
    await insertStaged(db, d);
    await updateStaged(db, d.runId);
  };
  if (wantsBulkLoad(counts.fresh, await countIncidentRows(db)) && (await ownsIncidents(db))) {
    await withoutIncidentIndexes(db, write);
    // The table has just grown by a quarter or more: plans of the requests after the commit need to know.
    await analyzeIncidents(db);
  } else {
    await write();
  }
}

/** Category × area × week count tables: the skeleton of the weekly situation picture. */

/** One key function per column; returning null or undefined leaves the record out of the table. */
export type KeyFns<R, K extends string> = { readonly [P in K]: (record: R) => string | null | undefined };

/** A count table over the columns K, e.g. category × area × week. */
export interface CountTable<K extends string> {
  /** One row per key combination seen, ordered by the columns in the order the key functions were given. */
  rows: Array<{ key: Record<K, string>; count: number }>;
  /** Records counted. */
  total: number;
  /** Records left out because a key function gave null or undefined (say so beside the table). */
  skipped: number;
  /** The count of one combination, 0 when never seen. */
  get(key: Record<K, string>): number;
}

// Unit separator: cannot occur in category codes, area ids or ISO weeks.
const SEP = '\u001f';

/**
 * Counts records by several keys at once. Combinations never seen are absent from `rows` but `get` gives 0
 * for them, so "all areas × all weeks" tables are filled by iterating the wanted keys, not the rows.
 * @example
 * const table = countBy(incidents, {
 *   category: (i) => i.category,
 *   area: (i) => i.district_id,
 *   week: (i) => isoWeek(i.occurred_at, timeZone),
 * });
 * table.get({ category: 'vandalism', area: districtId, week: '2026-W47' }); // 12
 */
export function countBy<R, K extends string>(records: Iterable<R>, keyFns: KeyFns<R, K>): CountTable<K> {
  const columns = Object.keys(keyFns) as K[];
  const fns = columns.map((c) => keyFns[c]);
  const counts = new Map<string, { parts: string[]; count: number }>();
  let total = 0;
  let skipped = 0;
  outer: for (const record of records) {
    const parts: string[] = [];
    for (const fn of fns) {
      const v = fn(record);
      if (v === null || v === undefined) {
        skipped++;
        continue outer;
      }
      parts.push(v);
    }
    const id = parts.join(SEP);
    const entry = counts.get(id);
    if (entry) entry.count++;
    else counts.set(id, { parts, count: 1 });
    total++;
  }
  const rows = [...counts.values()]
    .sort((a, b) => compareParts(a.parts, b.parts))
    .map(({ parts, count }) => ({
      key: Object.fromEntries(columns.map((c, i) => [c, parts[i]!])) as Record<K, string>,
      count,
    }));
  return {
    rows,
    total,
    skipped,
    get: (key) => counts.get(columns.map((c) => key[c]).join(SEP))?.count ?? 0,
  };
}

// Code-point order, not locale order, so the table reads the same on every machine.
function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

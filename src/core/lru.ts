/**
 * An in-process LRU of assembled answers (situation reports, programme views). Entries are keyed by everything
 * the answer depends on, including the organisation's data versions read from the database on every request: a
 * write in any server process bumps a version (incident weeks, areas and the programme by trigger, situation data
 * by the service), so a stale entry is never asked for again and ages out.
 */
export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
  clear(): void;
}

/**
 * A least-recently-used map holding at most `max` entries (a Map keeps insertion order; a hit re-inserts).
 * @example const lru = createLru<string>(2); lru.set('a', '1'); lru.set('b', '2'); lru.get('a'); lru.set('c', '3'); // 'b' is gone
 */
export function createLru<V>(max: number): Lru<V> {
  const map = new Map<string, V>();
  return {
    get(key) {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value!);
    },
    get size() {
      return map.size;
    },
    clear: () => map.clear(),
  };
}

import { redactPersonalData } from '../../analysis/text/redact.js';

/** How much of a value from a file a message may quote. */
export const MAX_QUOTED = 40;

/**
 * A string from a file (a cell, a column name, the file's name) as it may be stored: with personal data
 * removed like free text. Import reports, dry runs included, are kept in `import_runs`.
 */
export const storedText = (value: string): string => redactPersonalData(value).text;

/** A cell as a message quotes it: personal data removed first (so a cut never leaves half a number), then shortened. */
export function quoted(value: string): string {
  const text = storedText(value);
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

/**
 * The reference stored for a row. A reference holding personal data (a personnummer in the id column) is
 * not kept, not even redacted — two people's rows would share '[personnummer]' — and the row is identified
 * by its content instead, like a row without one.
 */
export function storedRef(ref: string, byContent: () => string): { ref: string; hadPersonalData: boolean } {
  if (ref === '') return { ref: byContent(), hadPersonalData: false };
  return redactPersonalData(ref).count > 0
    ? { ref: byContent(), hadPersonalData: true }
    : { ref, hadPersonalData: false };
}

import { readFileSync } from 'node:fs';

/**
 * The management-system export's documented columns: the first cell of each row of the table under
 * "## Columns" in docs/management-export.md, so a test compares a file with the page people read.
 */
export function documentedManagementColumns(): string[] {
  return readFileSync(new URL('../../docs/management-export.md', import.meta.url), 'utf8')
    .split('## Columns')[1]!
    .split('\n## ')[0]!
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Kolumn'))
    .map((l) => l.split('|')[1]!.trim());
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const plugin = join(root, 'tools/lint/queries-in-repositories.grit');
const biome = join(root, 'node_modules/.bin/biome');

/** The lines of `source` that the plugin reports, linted alone with no other rule. */
function reportedLines(source: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'trygg-grit-'));
  try {
    const config = { plugins: [plugin], linter: { rules: { preset: 'none' } }, formatter: { enabled: false } };
    writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'example.service.ts'), source);
    let out: string;
    try {
      out = execFileSync(biome, ['lint', '--reporter=json', 'example.service.ts'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (e) {
      // Biome exits non-zero when it reports an error; the report is still on stdout.
      out = (e as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { diagnostics: { category: string; location: { start: { line: number } } }[] };
    return report.diagnostics.filter((d) => d.category === 'plugin').map((d) => d.location.start.line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the rule "queries only in *.repo.ts" (tools/lint/queries-in-repositories.grit)', () => {
  it('reports Kysely builders and executed sql templates, not fragments handed on', () => {
    const lines = reportedLines(
      [
        "import { sql } from 'kysely';",
        'export async function f(db: any, repo: any) {',
        "  await db.selectFrom('t').selectAll().execute();", // 3
        "  await db.insertInto('t').values({}).execute();", // 4
        "  await db.updateTable('t').set({}).execute();", // 5
        "  await db.deleteFrom('t').execute();", // 6
        '  await sql`SELECT 1`.execute(db);', // 7
        '  await sql<{ n: number }>`SELECT 1 AS n`.execute(db);', // 8
        "  await sql.raw('VACUUM').execute(db);", // 9
        '  await db.transaction().execute((trx: any) => repo.list(trx, sql`count(*)`));', // 10: a fragment
        "  return repo.find(db, sql.ref('t.id'));", // 11: a fragment
        '}',
      ].join('\n'),
    );
    expect(lines).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});

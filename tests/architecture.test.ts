import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;

describe('module boundaries', () => {
  // The rules live in .dependency-cruiser.cjs, the one source that `npm run check:boundaries` reads too.
  it('every import in src/ keeps the rules of .dependency-cruiser.cjs', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
      const { output } = await cruise(
        ['src'],
        { ...options, validate: true },
        {},
        { tsConfig: extractTSConfig('tsconfig.json') },
      );
      const violations = (output as ICruiseResult).summary.violations.map(
        (v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`,
      );
      expect(violations).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
});

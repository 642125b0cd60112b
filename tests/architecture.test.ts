import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Top-level folders of src/ each file may import from (CONVENTIONS.md, "Who may import what"). */
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  analysis: ['analysis', 'domain'],
  db: ['db', 'domain'],
  core: ['core', 'domain', 'analysis', 'db'],
  features: ['features', 'core', 'domain', 'analysis', 'db'],
  server: ['server', 'features', 'core', 'domain', 'db'],
  cli: ['cli', 'features', 'core', 'domain', 'analysis', 'db', 'server'],
  web: ['web', 'domain', 'analysis'],
};

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

describe('module boundaries', () => {
  it('every import stays within what its layer may use', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(root)) {
      const from = relative(root, file);
      const layer = from.split('/')[0]!;
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = relative(root, join(file, '..', match[1]!));
        // Routes are the HTTP edge of a feature and read the request's context from server/.
        const allowed = [...(ALLOWED[layer] ?? []), ...(from.endsWith('.routes.ts') ? ['server/request-context'] : [])];
        if (!allowed.some((a) => target === a || target.startsWith(`${a}/`) || target.startsWith(`${a}.`))) {
          violations.push(`${from} imports ${target}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('within features, only routes touch Fastify', () => {
    const offenders = sourceFiles(root)
      .map((f) => relative(root, f))
      .filter((f) => f.startsWith('features/') && !/\.routes\.ts$/.test(f))
      .filter((f) => /from 'fastify'/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

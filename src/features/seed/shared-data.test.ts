import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHARED_DATA_DIR, findProjectRoot, resolveSharedDataDir } from './shared-data.js';

describe('shared data folder', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('defaults to ../shared/data beside the project, where SOURCES.md is', () => {
    expect(DEFAULT_SHARED_DATA_DIR).toBe(join(findProjectRoot(), '..', 'shared', 'data'));
    expect(existsSync(join(DEFAULT_SHARED_DATA_DIR, 'SOURCES.md'))).toBe(true);
  });

  it('finds the project root from the compiled tree as well as from src', () => {
    const root = findProjectRoot();
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(findProjectRoot(join(root, 'dist', 'server', 'features', 'seed'))).toBe(root);
  });

  it('prefers an explicit folder, then TRYGG_SHARED_DATA, then the default', () => {
    vi.stubEnv('TRYGG_SHARED_DATA', '/srv/trygg-data');
    expect(resolveSharedDataDir('/tmp/other')).toBe('/tmp/other');
    expect(resolveSharedDataDir()).toBe('/srv/trygg-data');
    vi.stubEnv('TRYGG_SHARED_DATA', undefined);
    expect(resolveSharedDataDir()).toBe(DEFAULT_SHARED_DATA_DIR);
  });
});

import { expect, it } from 'vitest';
import config from '../vite.config.js';

it('builds the web app without source maps, since dist/web is served publicly', () => {
  expect(typeof config === 'object' && 'build' in config ? config.build?.sourcemap : 'not a plain config').toBe(false);
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../tests/setup/test-db.js';
import type { OnlineBasemap } from '../domain/basemap.js';
import { buildApp } from './app.js';
import { loadConfig, onlineBasemap } from './config.js';

describe('the online basemap setting', () => {
  it('is off unless TRYGG_MAP_TILES is set, and then needs the attribution', () => {
    expect(onlineBasemap(loadConfig({}))).toBeNull();
    expect(() => onlineBasemap(loadConfig({ TRYGG_MAP_TILES: 'https://t.example.org/{z}/{x}/{y}.png' }))).toThrow(
      /TRYGG_MAP_ATTRIBUTION/,
    );
    expect(() => onlineBasemap(loadConfig({ TRYGG_MAP_TILES: 'https://t.example.org/tiles.png' }))).toThrow(/\{z\}/);
    expect(
      onlineBasemap(
        loadConfig({
          TRYGG_MAP_TILES: 'https://t.example.org/{z}/{x}/{y}.png',
          TRYGG_MAP_ATTRIBUTION: '© Example',
          TRYGG_MAP_MAX_ZOOM: '17',
        }),
      ),
    ).toEqual({ url: 'https://t.example.org/{z}/{x}/{y}.png', attribution: '© Example', maxZoom: 17 });
  });
});

/** The CSP header as directive → sources. */
function directives(header: unknown): Record<string, string> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources.join(' ')]),
  );
}

describeEachEngine('basemap config, CSP and the static web app', (getDb) => {
  const apps: FastifyInstance[] = [];
  let webRoot = '';
  const build = async (basemap: OnlineBasemap | null) => {
    const app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot,
      basemap,
    });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    await createTestOrganisation(getDb().db);
    webRoot = mkdtempSync(join(tmpdir(), 'trygg-static-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Trygg</title>');
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js.map'), '{"version":3}');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('offline by default: no tiles, and the CSP allows images and connections to the app only', async () => {
    const app = await build(null);
    const res = await app.inject({ url: '/api/map/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tiles: null });
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['img-src']).toBe("'self' data: blob:");
    expect(csp['connect-src']).toBe("'self'");
  });

  it('a configured tile source is served to the web app and allowed by the CSP, nothing else', async () => {
    const tiles = { url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example', maxZoom: 18 };
    const app = await build(tiles);
    const res = await app.inject({ url: '/api/map/config' });
    expect(res.json()).toEqual({ tiles });
    const csp = directives((await app.inject({ url: '/' })).headers['content-security-policy']);
    expect(csp['img-src']).toBe("'self' data: blob: https://*.tiles.example.org");
    expect(csp['connect-src']).toBe("'self' https://*.tiles.example.org");
    expect(csp['script-src']).toBe("'self'");
  });

  it('serves fingerprinted assets as immutable, the page as revalidated, and no source maps', async () => {
    const app = await build(null);
    const asset = await app.inject({ url: '/assets/index-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/some/page' })).headers['cache-control']).toBe('no-cache');
    const map = await app.inject({ url: '/assets/index-Ab12Cd34.js.map' });
    expect(map.body).not.toContain('"version":3');
  });
});

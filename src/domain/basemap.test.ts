import { describe, expect, it } from 'vitest';
import { tileTemplateSource } from './basemap.js';

describe('tileTemplateSource', () => {
  it('allows the tile host, with a wildcard for {s} subdomains, and keeps a port', () => {
    expect(tileTemplateSource('https://tile.example.org/{z}/{x}/{y}.png')).toEqual({
      source: 'https://tile.example.org',
    });
    expect(tileTemplateSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}{r}.png')).toEqual({
      source: 'https://*.tile.openstreetmap.org',
    });
    expect(tileTemplateSource('http://127.0.0.1:8123/tiles/{z}/{x}/{y}.png')).toEqual({
      source: 'http://127.0.0.1:8123',
    });
  });

  it('refuses templates without the tile coordinates, other schemes and placeholders inside the host', () => {
    expect(tileTemplateSource('https://tile.example.org/{z}/{x}.png')).toHaveProperty('error');
    expect(tileTemplateSource('ftp://tile.example.org/{z}/{x}/{y}.png')).toHaveProperty('error');
    expect(tileTemplateSource('javascript:alert(1)//{z}/{x}/{y}')).toHaveProperty('error');
    expect(tileTemplateSource('https://a{s}.example.org/{z}/{x}/{y}.png')).toHaveProperty('error');
    expect(tileTemplateSource('not a url {z}{x}{y}')).toHaveProperty('error');
  });
});

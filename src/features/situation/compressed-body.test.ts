import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodedBody, preferredEncoding, reusedBody } from './compressed-body.js';

describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br', 'br'],
    ['GZIP', 'gzip'],
    ['br;q=0.1, gzip;q=0.9', 'gzip'],
    ['deflate', null],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
  ] as const)('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe('encodedBody', () => {
  it('compresses once per encoding and decodes to the text', async () => {
    const body = reusedBody(JSON.stringify({ text: 'Klotter på fasaden '.repeat(500) }));
    const br = await encodedBody(body, 'br');
    expect(await encodedBody(body, 'br')).toBe(br);
    expect(brotliDecompressSync(br).toString('utf8')).toBe(body.text);
    expect(gunzipSync(await encodedBody(body, 'gzip')).toString('utf8')).toBe(body.text);
    expect(br.length).toBeLessThan(body.text.length / 10);
  });

  it('does not keep a failed compression', async () => {
    const body = reusedBody('x');
    const failed = Promise.reject(new Error('out of memory'));
    body.encoded.gzip = failed;
    await expect(encodedBody(body, 'gzip')).rejects.toThrow('out of memory');
    await Promise.resolve();
    expect(gunzipSync(await encodedBody(body, 'gzip')).toString('utf8')).toBe('x');
  });
});

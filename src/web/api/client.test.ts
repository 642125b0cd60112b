import { afterEach, describe, expect, it, vi } from 'vitest';
import { measuresContract } from '../../contracts/measures.contract.js';
import { call } from './call.js';

describe('writes made from a version of a record', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answering = (status: number, body: unknown) => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    return fetch;
  };
  const headersOf = (fetch: ReturnType<typeof answering>) =>
    (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;

  it('send the version as If-Match, and nothing without one', async () => {
    const withVersion = answering(200, { id: 'm', version: 4 });
    await call(measuresContract.update, { params: { id: 'm' }, body: { title: 'x' }, version: 3 });
    expect(headersOf(withVersion)['If-Match']).toBe('"3"');
    const without = answering(200, {});
    await call(measuresContract.update, { params: { id: 'm' }, body: { title: 'x' } });
    expect(headersOf(without)).not.toHaveProperty('If-Match');
  });
});

import { negotiate } from '@fastify/accept-negotiator';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * A response body that is sent many times, with its compressed forms made on first demand and kept beside
 * it. Compressing a situation report (≈ 170 kB) costs 4–5 ms, more than serving it from the cache, so a
 * cached body is compressed once, not once per request as @fastify/compress would.
 */
export interface ReusedBody {
  text: string;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const compressors: Record<Encoding, (text: string) => Promise<Buffer>> = {
  // Quality 5: near the default's ratio at a fraction of its time (11 takes ≈ 0.4 s for a report).
  br: (text) =>
    brotli(text, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    }),
  gzip: (text) => gzipped(text),
};

export function reusedBody(text: string): ReusedBody {
  return { text, encoded: {} };
}

/** The encoding to answer an Accept-Encoding header with, or null for the plain text. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const chosen = negotiate(acceptEncoding.toLowerCase(), ['br', 'gzip', 'identity']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** The body in `encoding`, compressed the first time it is asked for. */
export function encodedBody(body: ReusedBody, encoding: Encoding): Promise<Buffer> {
  const made = body.encoded[encoding] ?? compressors[encoding](body.text);
  body.encoded[encoding] = made;
  // A failed compression is not kept: the next request tries again instead of failing for the entry's life.
  made.catch(() => {
    if (body.encoded[encoding] === made) delete body.encoded[encoding];
  });
  return made;
}

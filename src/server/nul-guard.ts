import type { FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from '../domain/errors.js';

/** Where the first NUL character sits in a parsed value (keys included), or null; depth-bounded like the bodies it sees. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = findNul(inner, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses text with the NUL character (U+0000) in path parameters, query or body before any route sees it:
 * PostgreSQL cannot store it in text, so it would otherwise fail deep in a query as a 500.
 */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  const path = findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, 'body');
  if (!path) return;
  const issue: FieldIssue = {
    path: path.replace(/^(params|query|body)\.?/, ''),
    code: 'nul_character',
    message: 'text may not contain the NUL character (U+0000)',
  };
  throw new AppError('VALIDATION_FAILED', { details: [issue] });
}

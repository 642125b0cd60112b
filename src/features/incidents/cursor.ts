import { AppError } from '../../domain/errors.js';

export interface IncidentCursor {
  occurredAt: Date;
  id: string;
}

/** Opaque to clients: the position after the last row of a page. */
export function encodeCursor(cursor: IncidentCursor): string {
  return Buffer.from(`${new Date(cursor.occurredAt).toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(raw: string): IncidentCursor {
  const [iso, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(occurredAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'cursor', code: 'invalid_cursor', message: 'the cursor is not valid' }],
    });
  }
  return { occurredAt, id };
}

import type { ErrorCode, FieldIssue, LocalisedMessage } from '../../domain/errors.js';

/** An error answer from the API, parsed from its `{ error: {...} }` body (or made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly messages: LocalisedMessage | null;
  /** Field issues of a 400 answer; `path` is the field name. */
  readonly fieldIssues: FieldIssue[];
  /** The answer's `details` as sent (a refused import's row issues), for the page that knows their shape. */
  readonly details: unknown;

  constructor(
    status: number,
    code: ErrorCode | 'NETWORK',
    message: string,
    messages: LocalisedMessage | null,
    fieldIssues: FieldIssue[],
    details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.fieldIssues = fieldIssues;
    this.details = details;
  }
}

/** The current UI language, sent as Accept-Language so the server's messages match. */
let language = 'sv';
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** The session's CSRF token (from /api/auth/me or the login answer): echoed on every write while signed in. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Record<string, QueryValue>;

/** '/api/x' plus the defined query parameters; arrays become comma-separated lists. */
export function apiPath(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function toFieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, code, message, value } = d as Record<string, unknown>;
    const p = Array.isArray(path) ? path.join('.') : path;
    if (typeof p !== 'string') return [];
    return [
      {
        path: p,
        code: typeof code === 'string' ? code : 'invalid',
        message: typeof message === 'string' ? message : '',
        ...(typeof value === 'string' ? { value } : {}),
      },
    ];
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic error.
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error.code === 'string') {
    const messages = error.messages as LocalisedMessage | undefined;
    return new ApiError(
      response.status,
      error.code as ErrorCode,
      typeof error.message === 'string' ? error.message : response.statusText,
      messages ?? null,
      toFieldIssues(error.details),
      error.details ?? null,
    );
  }
  return new ApiError(response.status, 'INTERNAL', `HTTP ${response.status} ${response.statusText}`, null, []);
}

/**
 * A write made from a record the user opened at `version` sends it as If-Match: when someone else saved the
 * record in between, the server refuses (409) with a message asking to reload, instead of overwriting theirs.
 */
function ifMatch(version: number | undefined): Record<string, string> {
  return version === undefined ? {} : { 'If-Match': `"${version}"` };
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  version?: number,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json, application/geo+json',
        'Accept-Language': language,
        ...(body === undefined || body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        ...ifMatch(version),
      },
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e), null, []);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** One JSON call: the answer's body, or undefined for 204. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  version?: number,
): Promise<T> {
  const response = await send(method, path, body, signal, version);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file the API answers with: its bytes, and its name from Content-Disposition (else `fallbackName`). */
export interface ApiFile {
  blob: Blob;
  filename: string;
}

/** One call answered with a file. */
export async function requestFile(method: string, path: string, body: unknown, fallbackName: string): Promise<ApiFile> {
  const response = await send(method, path, body);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return { blob: await response.blob(), filename: named?.[1] ?? fallbackName };
}

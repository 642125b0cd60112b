import type { RecordType } from '../../domain/confidentiality.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { MEASURE_STATUS_LABELS, MEASURE_TYPE_LABELS } from '../../domain/labels.js';
import { RELEASE_FREE_TEXT_FIELDS } from '../../domain/release-review.js';
import {
  MASKED,
  MAX_RELEASE_RECORDS,
  type RecordsExport,
  type RecordsRelease,
  type ReleasedRecord,
} from '../../domain/records.js';
import type { ServiceContext } from '../../core/context.js';
import {
  type insertRelease,
  listComponentsOf,
  listReleases as listReleaseRowsOfLog,
  listReleaseRows,
  type ReleaseRow,
} from './records.repo.js';

/**
 * What a records request withholds from a `restricted` record (secrecy, e.g. the details of security
 * measures): its free text and what locates or details it. The rest of the record — that it exists, its
 * type, dates, units and status — is released. Lower tiers are released as stored.
 */
export const RESTRICTED_FIELDS: Record<RecordType, readonly string[]> = {
  incident: ['description', 'status_note', 'lon', 'lat'],
  problem: ['title', 'statement', 'time_pattern'],
  measure: ['title', 'description', 'components'],
  request: ['what', 'answer'],
  meeting: ['notes'],
  meeting_action: ['title', 'status_note'],
  situation_report: ['categories'],
  agreement: ['title', 'summary'],
};

/** Free text written by people: reviewed for personal data before release (RELEASE_FREE_TEXT_FIELDS). */
export const FREE_TEXT = new Set(RELEASE_FREE_TEXT_FIELDS);

function value(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return v;
  return String(v);
}

type Component = Awaited<ReturnType<typeof listComponentsOf>>[number];

/** A record as it goes to review: restricted fields masked, restricted components of a measure masked one by one. */
export function releaseRecord(
  type: RecordType,
  row: ReleaseRow,
  components: readonly Component[] = [],
): ReleasedRecord {
  const restricted = row.confidentiality === 'restricted';
  const masked: string[] = [];
  const fields: ReleasedRecord['fields'] = {};
  const source: Record<string, unknown> = { ...row };
  if (type === 'measure') {
    source.components =
      components
        .map((c) => {
          if (c.confidentiality !== 'restricted')
            return `${c.position}. ${c.title} (${MEASURE_TYPE_LABELS[c.type].sv}, ${MEASURE_STATUS_LABELS[c.status].sv})`;
          masked.push(`components.${c.position}`);
          return `${c.position}. ${MASKED}`;
        })
        .join('\n') || null;
  }
  for (const [key, v] of Object.entries(source)) {
    if (key === 'id' || key === 'confidentiality') continue;
    if (restricted && RESTRICTED_FIELDS[type].includes(key) && v !== null) {
      fields[key] = MASKED;
      masked.push(key);
    } else {
      fields[key] = value(v);
    }
  }
  // A restricted measure hides all its components, so per-component marks would only repeat that.
  return {
    id: row.id,
    confidentiality: row.confidentiality,
    fields,
    masked: restricted && type === 'measure' ? masked.filter((m) => !m.startsWith('components.')) : masked,
  };
}

/** The release log's row as the API shows it. */
export function toRelease(row: Awaited<ReturnType<typeof insertRelease>>): RecordsRelease {
  return {
    id: row.id,
    request_ref: row.request_ref,
    recipient: row.recipient,
    record_type: row.record_type as RecordType,
    record_ids: row.record_ids.ids,
    masked: row.masked.records,
    format: row.format,
    released_by: row.released_by,
    released_at: new Date(row.released_at).toISOString(),
    review: row.review ?? null,
  };
}

/**
 * The records a request asks for (all tiers: the decision to release is the registrar's), restricted fields
 * masked. Unknown ids, more than MAX_RELEASE_RECORDS and an empty selection are refused.
 */
export async function readForRelease(ctx: ServiceContext, input: RecordsExport): Promise<ReleasedRecord[]> {
  const ids = input.ids ? [...new Set(input.ids)] : undefined;
  const rows = await listReleaseRows(
    ctx.db,
    ctx.organisation.id,
    input.type,
    { ids, filter: input.filter },
    MAX_RELEASE_RECORDS + 1,
  );
  if (ids) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw new AppError('VALIDATION_FAILED', {
        details: missing.map(
          (id): FieldIssue => ({ path: 'ids', code: 'unknown_record', message: `no ${input.type} ${id}`, value: id }),
        ),
      });
  }
  if (rows.length > MAX_RELEASE_RECORDS) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          path: 'filter',
          code: 'too_many',
          message: `more than ${MAX_RELEASE_RECORDS} records match; narrow the filter`,
        },
      ],
    });
  }
  if (!rows.length) throw new AppError('NOT_FOUND', { details: { entity: input.type, filter: input.filter } });
  const components =
    input.type === 'measure'
      ? await listComponentsOf(
          ctx.db,
          rows.map((r) => r.id),
        )
      : [];
  return rows.map((r) =>
    releaseRecord(
      input.type,
      r,
      components.filter((c) => c.measure_id === r.id),
    ),
  );
}

/** The release log, newest first (optionally one request's releases). */
export async function listReleases(
  ctx: ServiceContext,
  query: { request_ref?: string | undefined },
): Promise<RecordsRelease[]> {
  return (await listReleaseRowsOfLog(ctx.db, ctx.organisation.id, { requestRef: query.request_ref })).map(toRelease);
}

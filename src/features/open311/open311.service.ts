import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { isHoneypotFilled } from '../../domain/public-reports.js';
import { MAX_DESCRIPTION_LENGTH } from '../../domain/incidents.js';
import { NOTIFY_ATTRIBUTE, type Open311Post, type Open311RequestQuery } from '../../domain/open311.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext } from '../../core/context.js';
import { ANONYMOUS } from '../../domain/auth.js';
import { tierAccess } from '../../core/policy.js';
import { listCategories } from '../categories/categories.service.js';
import { createIncident } from '../incidents/incidents.service.js';
import { addReporterContact } from '../outbox/outbox.service.js';
import { normaliseName } from '../../analysis/geo/street-names.js';
import { listPlacePoints, listServiceRequests, markApiKeyUsed, type ServiceRequestRow } from './open311.repo.js';
import { findStreet } from '../places/streets.js';

const NINETY_DAYS_MS = 90 * 24 * 3600_000;

const CLOSURE_NOTES: Record<string, string> = {
  fixed: 'Åtgärdat',
  not_ours: 'Inte stadens ansvar – vidarebefordrat',
  wont_fix: 'Kommer inte att åtgärdas',
  duplicate: 'Dubblett av en annan anmälan',
};
const OPEN_NOTES: Record<string, string> = { new: 'Mottagen', in_progress: 'Under handläggning' };

/** The service list: one service per active incident category. */
export async function listServices(ctx: ServiceContext) {
  const categories = await listCategories(ctx);
  return categories
    .filter((c) => c.active)
    .map((c) => ({
      service_code: c.code,
      service_name: c.label_sv,
      description: `${c.label_sv} / ${c.label_en}`,
      metadata: true,
      type: 'realtime',
      keywords: [c.label_sv.toLowerCase(), c.label_en.toLowerCase()].join(','),
      group: c.group_code,
    }));
}

/** A service definition: every service asks whether the reporter wants updates by e-mail. */
export async function getServiceDefinition(ctx: ServiceContext, code: string) {
  const service = (await listServices(ctx)).find((s) => s.service_code === code);
  if (!service) throw new AppError('NOT_FOUND', { details: { service_code: code } });
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: NOTIFY_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'true om du vill få besked via e-post när ärendet ändras / true to get e-mail updates',
        order: 1,
        description: 'Vill du få besked när ärendet ändrar status? E-postadressen sparas bara om du svarar ja.',
        values: [
          { key: 'true', name: 'Ja' },
          { key: 'false', name: 'Nej' },
        ],
      },
    ],
  };
}

/**
 * Creates an incident from a service request. The e-mail is kept only with the notify opt-in, and gets status
 * mail only once confirmed through the link sent to it (`publicUrl`: where the web app is served). A filled
 * honeypot is answered like a stored request, with nothing stored. `client` (the trusted client its api_key
 * named) has its key's use noted with the incident; a key revoked in the meantime is FORBIDDEN.
 */
export async function createServiceRequest(
  ctx: ServiceContext,
  input: Open311Post,
  publicUrl: string,
  client?: { id: string },
) {
  const wantsUpdates = input[`attribute[${NOTIFY_ATTRIBUTE}]`] === 'true' && input.email !== undefined;
  const answer = (id: string) => [
    {
      service_request_id: id,
      service_notice: wantsUpdates
        ? 'Bekräfta din e-postadress med länken vi skickat, så får du besked när ärendet ändras.'
        : 'Tack för din anmälan.',
      account_id: null,
    },
  ];
  if (isHoneypotFilled(input)) {
    ctx.log.warn({ remoteAddress: ctx.remoteAddress }, 'open311 honeypot filled; discarded');
    return answer(randomUUID());
  }
  if (!(await listServices(ctx)).some((service) => service.service_code === input.service_code)) {
    throw new AppError('NOT_FOUND', { details: { service_code: input.service_code } });
  }
  const location: ReportLocation =
    input.lat !== undefined && input.long !== undefined
      ? { lon: input.long, lat: input.lat, precision: 'exact' }
      : await locateAddress(ctx, input.address_string ?? '');
  // The point keeps only the street: the address as written leads the description, for those who work the report.
  const text = [location.street ? `Adress: ${input.address_string}` : undefined, input.description]
    .filter((t) => t !== undefined)
    .join('\n');
  return inTransaction(ctx.db, async (trx) => {
    if (client && !(await markApiKeyUsed(trx, ctx.organisation.id, client.id, new Date()))) {
      throw new AppError('FORBIDDEN', { details: { reason: 'unknown or revoked api_key' } });
    }
    const incident = await createIncident(
      { ...ctx, db: trx },
      {
        occurred_at: new Date().toISOString(),
        category: input.service_code,
        lon: location.lon,
        lat: location.lat,
        precision: location.precision,
        ...(location.placeId ? { place_id: location.placeId } : {}),
        ...(text ? { description: text.slice(0, MAX_DESCRIPTION_LENGTH) } : {}),
        source: 'open311',
      },
    );
    if (wantsUpdates && input.email) await addReporterContact({ ...ctx, db: trx }, incident.id, input.email, publicUrl);
    return answer(incident.id);
  });
}

interface ReportLocation {
  lon: number;
  lat: number;
  precision: 'exact' | 'place' | 'area';
  placeId?: string;
  street?: string;
}

/**
 * Where an address_string alone puts a report: a registered place of that name (precision 'place'), else a
 * street of the basemap ("Storgatan 12" → Storgatan) at the street's representative point. A street is a
 * line, not a point, and the house number is not geocoded, so such a report has precision 'area': it counts
 * in its neighbourhood but is never drawn or analysed as a point. Names match regardless of case and accents.
 */
async function locateAddress(ctx: ServiceContext, address: string): Promise<ReportLocation> {
  const wanted = [normaliseName(address), normaliseName(address.split(',')[0] ?? '')];
  const place = (await listPlacePoints(ctx.db, ctx.organisation.id)).find((p) =>
    wanted.includes(normaliseName(p.name)),
  );
  if (place) return { lon: place.lon, lat: place.lat, precision: 'place', placeId: place.id };
  const street = await findStreet(ctx.log, address);
  if (street) return { lon: street.point[0], lat: street.point[1], precision: 'area', street: street.name };
  throw new AppError('VALIDATION_FAILED', {
    details: [
      {
        path: 'address_string',
        code: 'unknown_address',
        message: `'${address}' is neither a registered place nor a street of the city's map; give lat and long`,
      },
    ],
  });
}

/**
 * Open311 is a public interface: whoever calls (anonymous, a staff session, an API token) sees what the public
 * may see — public-tier incidents, no free text, rounded coordinates. Staff work incidents through /api/incidents.
 */
const PUBLIC_ACCESS = tierAccess(ANONYMOUS);

/**
 * The spec's window on requested_datetime: "may not span more than 90 days", and "when not specified, the range
 * defaults to most recent 90 days". A longer or reversed span is refused; a single bound gets the 90 days next to it.
 */
export function requestDateRange(
  start: string | undefined,
  end: string | undefined,
  now: Date,
): { from: Date; to?: Date } {
  const refuse = (message: string) =>
    new AppError('VALIDATION_FAILED', { details: [{ path: 'end_date', code: 'date_range', message }] });
  if (start !== undefined && end !== undefined) {
    const [from, to] = [new Date(start), new Date(end)];
    if (to < from) throw refuse('end_date is before start_date');
    if (to.getTime() - from.getTime() > NINETY_DAYS_MS)
      throw refuse('start_date to end_date spans more than 90 days; the most is 90');
    return { from, to };
  }
  if (start !== undefined) return { from: new Date(start), to: new Date(new Date(start).getTime() + NINETY_DAYS_MS) };
  // Without an end the window stays open upwards: a request stored this instant by the database's clock counts.
  if (end === undefined) return { from: new Date(now.getTime() - NINETY_DAYS_MS) };
  return { from: new Date(new Date(end).getTime() - NINETY_DAYS_MS), to: new Date(end) };
}

/** Requests by the spec's filters: ids override the rest; by default the last 90 days, a page at a time. */
export async function listRequests(ctx: ServiceContext, query: Open311RequestQuery) {
  const ids = query.service_request_id
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => /^[0-9a-f-]{36}$/i.test(s));
  const { from, to } = requestDateRange(query.start_date, query.end_date, new Date());
  const statuses = query.status?.flatMap((s) =>
    s === 'open' ? (['new', 'in_progress'] as const) : (['closed'] as const),
  );
  const rows = await listServiceRequests(ctx.db, ctx.organisation.id, PUBLIC_ACCESS, {
    ids,
    from,
    to,
    statuses,
    serviceCodes: query.service_code?.split(',').map((s) => s.trim()),
    limit: query.page_size,
    offset: (query.page - 1) * query.page_size,
  });
  return rows.map(toServiceRequest);
}

export async function getRequest(ctx: ServiceContext, id: string) {
  const rows = /^[0-9a-f-]{36}$/i.test(id)
    ? await listServiceRequests(ctx.db, ctx.organisation.id, PUBLIC_ACCESS, { ids: [id], limit: 1 })
    : [];
  if (rows.length === 0) throw new AppError('NOT_FOUND', { details: { service_request_id: id } });
  return rows.map(toServiceRequest);
}

/** About 100 m: the public sees where, not which doorway. */
const rounded = (v: number) => Math.round(v * 1000) / 1000;

/** The spec's request object. Status is only open/closed; the detail in words goes to status_notes, staff notes never. */
function toServiceRequest(r: ServiceRequestRow) {
  const detail = r.status === 'closed' ? CLOSURE_NOTES[r.closure_reason ?? ''] : OPEN_NOTES[r.status];
  const coarse = r.precision === 'area' || r.precision === 'municipality';
  return {
    service_request_id: r.id,
    status: r.status === 'closed' ? 'closed' : 'open',
    status_notes: detail ?? null,
    service_name: r.service_name,
    service_code: r.service_code,
    // Free text is shown to the public only once approved; there is no approval step yet, so never.
    description: null,
    agency_responsible: r.agency_name,
    service_notice: r.source === 'demo' ? 'Genererad demodata / generated demo data' : null,
    requested_datetime: new Date(r.reported_at).toISOString(),
    updated_datetime: new Date(r.updated_at).toISOString(),
    expected_datetime: null,
    address: r.place_name ?? r.area_name,
    address_id: null,
    zipcode: null,
    // Coarse locations are not points: the spec's lat/long would claim more than is known.
    lat: coarse ? null : rounded(r.lat),
    long: coarse ? null : rounded(r.lon),
    media_url: null,
  };
}

import { auditChange } from '../../core/audit.repo.js';
import type { ServiceContext } from '../../core/context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { Observation, WalkReport } from '../../domain/walks.js';
import { createIncident } from '../incidents/incidents.service.js';
import { createProblem } from '../problems/problems.service.js';
import { processPhoto } from '../public-reports/photo.js';
import { streetResponsibility } from '../responsibility/responsibility.service.js';
import { assertCaptures, assertPlans } from './walk-access.js';
import { earlierObservationsOf, followupsByObservation } from './walk-followups.service.js';
import { findObservationPhoto, linkObservation, listObservationRows, upsertObservationPhoto } from './walks.repo.js';
import { observationOfWalk, toObservation, walkWithRow } from './walks.service.js';

/** What an observation without a category of its own is about, for problems and incidents. */
const FALLBACK_CATEGORY = 'otrygg_plats';

/**
 * The walk and its observations, each with the unit the responsibility matrix names for it and what later
 * walks found of it, and the earlier walks' observations this walk follows up.
 */
export async function getWalkReport(ctx: ServiceContext, walkId: string): Promise<WalkReport> {
  const { row, walk } = await walkWithRow(ctx, walkId);
  const rows = await listObservationRows(ctx.db, ctx.organisation.id, walkId);
  const responsible = await streetResponsibility(
    ctx,
    row.district_unit_id,
    rows.map((r) => r.category),
  );
  const followups = await followupsByObservation(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    walk,
    observations: rows.map((r) => ({
      ...toObservation(r),
      responsible_unit: responsible.get(r.category) ?? null,
      problem_title: r.problem_title,
      followups: followups.get(r.id) ?? [],
    })),
    earlier: await earlierObservationsOf(ctx, row),
  };
}

/**
 * Stores the observation's photo: read from its content, turned upright, re-encoded without EXIF (the
 * observation's point is the one chosen on the map, never one read from the photo), with a thumbnail. A
 * resend replaces the photo instead of adding a second.
 */
export async function attachObservationPhoto(
  ctx: ServiceContext,
  walkId: string,
  observationId: string,
  readPhoto: () => Promise<Buffer>,
): Promise<{ width: number; height: number }> {
  const { units } = await walkWithRow(ctx, walkId);
  assertCaptures(ctx, units);
  await observationOfWalk(ctx, walkId, observationId);
  // The upload is read only once the caller may add it: a stranger's file is never decoded.
  const photo = await processPhoto(await readPhoto());
  await inTransaction(ctx.db, async (trx) => {
    await upsertObservationPhoto(trx, {
      observation_id: observationId,
      organisation_id: ctx.organisation.id,
      content_type: 'image/jpeg',
      width: photo.width,
      height: photo.height,
      image: photo.image,
      thumbnail: photo.thumbnail,
    });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'walk_observation',
      entityId: observationId,
      after: { photo: { width: photo.width, height: photo.height } },
    });
  });
  return { width: photo.width, height: photo.height };
}

/** The observation's photo (or its thumbnail) for those who see the walk. */
export async function getObservationPhoto(
  ctx: ServiceContext,
  walkId: string,
  observationId: string,
  size: 'full' | 'thumb',
) {
  await walkWithRow(ctx, walkId);
  await observationOfWalk(ctx, walkId, observationId);
  const photo = await findObservationPhoto(ctx.db, ctx.organisation.id, observationId, size);
  if (!photo) throw new AppError('NOT_FOUND', { details: { entity: 'walk_observation_photo', id: observationId } });
  return photo;
}

const alreadyFollowedUp = () =>
  new AppError('CONFLICT', {
    messages: {
      sv: 'Iakttagelsen har redan blivit ett problem eller skickats vidare.',
      en: 'The observation has already become a problem or been sent on.',
    },
    details: [{ path: 'id', code: 'already_followed_up', message: 'already a problem or sent to a unit' }],
  });

/**
 * Turns an observation into a problem of the organising unit (or `ownerUnitId`) in the walk's area, with the
 * observation as its evidence; the caller must edit for that unit. All or nothing.
 */
export async function observationToProblem(
  ctx: ServiceContext,
  walkId: string,
  observationId: string,
  ownerUnitId: string | undefined,
): Promise<Observation> {
  const { row: walk } = await walkWithRow(ctx, walkId);
  const obs = await observationOfWalk(ctx, walkId, observationId);
  if (obs.problem_id || obs.incident_id) throw alreadyFollowedUp();
  const owner = ownerUnitId ?? walk.unit_id;
  assertPlans(ctx, owner);
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const problem = await createProblem(tx, {
      owner_unit_id: owner,
      area_id: walk.area_id,
      place_ids: [],
      title: `${obs.item_label}: ${walk.title}`.slice(0, 200),
      statement: obs.note || obs.item_label,
      categories: [obs.category ?? FALLBACK_CATEGORY],
      affected: [],
      evidence: [
        {
          kind: 'walk_observation',
          ref: obs.id,
          filter: { walk_id: walk.id },
          note: `${walk.title} (${walk.walk_date})`,
        },
      ],
    });
    await linkObservation(trx, obs.id, { problem_id: problem.id });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'walk_observation',
      entityId: obs.id,
      after: { problem_id: problem.id },
    });
  });
  return toObservation((await observationOfWalk(ctx, walkId, observationId))!);
}

/**
 * Sends an observation to the responsible unit's inbox: it becomes a staff report at its point, which the
 * responsibility matrix routes like any other, reported by the walk's organising unit.
 */
export async function observationToInbox(
  ctx: ServiceContext,
  walkId: string,
  observationId: string,
): Promise<Observation> {
  const { row: walk } = await walkWithRow(ctx, walkId);
  const obs = await observationOfWalk(ctx, walkId, observationId);
  if (obs.problem_id || obs.incident_id) throw alreadyFollowedUp();
  assertPlans(ctx, walk.unit_id);
  await inTransaction(ctx.db, async (trx) => {
    const incident = await createIncident(
      { ...ctx, db: trx },
      {
        occurred_at: new Date(obs.observed_at).toISOString(),
        category: obs.category ?? FALLBACK_CATEGORY,
        lon: obs.lon,
        lat: obs.lat,
        precision: 'exact',
        description: `${obs.item_label}${obs.note ? `: ${obs.note}` : ''} (${walk.title})`,
        source: 'staff',
        source_ref: `walk-observation:${obs.id}`,
        reporting_unit_id: walk.unit_id,
      },
    );
    await linkObservation(trx, obs.id, { incident_id: incident.id });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'walk_observation',
      entityId: obs.id,
      after: { incident_id: incident.id },
    });
  });
  return toObservation((await observationOfWalk(ctx, walkId, observationId))!);
}

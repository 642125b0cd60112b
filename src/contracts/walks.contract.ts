import { z } from 'zod';
import {
  ChecklistItemCreateSchema,
  ChecklistItemSchema,
  ChecklistItemUpdateSchema,
  ChecklistSchema,
  ObservationCreateSchema,
  ObservationParamsSchema,
  ObservationSchema,
  PhotoSizeSchema,
  WalkCreateSchema,
  WalkListSchema,
  WalkObservationsSchema,
  WalkParamsSchema,
  WalkReportSchema,
  WalkSchema,
  WalkStatusUpdateSchema,
} from '../domain/walks.js';
import { UuidSchema } from '../domain/common.js';
import { defineRoute } from './define-route.js';

const tags = ['walks'];

/**
 * Safety walks (trygghetsvandringar): the checklist, planning, capture on a phone (idempotent by the
 * phone's observation id), photos without metadata, and the report with follow-up as problems or inbox work.
 */
export const walksContract = {
  checklist: defineRoute({
    method: 'GET',
    path: '/walks/checklist',
    policy: 'walks:read',
    tags,
    summary: "The organisation's walk checklist, in order; items out of use are marked inactive",
    response: { 200: ChecklistSchema },
  }),
  createChecklistItem: defineRoute({
    method: 'POST',
    path: '/walks/checklist',
    policy: 'walks:checklist',
    tags,
    summary: 'Add a checklist item (409 when its code is taken)',
    body: ChecklistItemCreateSchema,
    response: { 201: ChecklistItemSchema },
  }),
  updateChecklistItem: defineRoute({
    method: 'PATCH',
    path: '/walks/checklist/:id',
    policy: 'walks:checklist',
    tags,
    summary: 'Rename, reorder, recategorise or take a checklist item out of use',
    params: WalkParamsSchema,
    body: ChecklistItemUpdateSchema,
    response: { 200: ChecklistItemSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/walks',
    policy: 'walks:read',
    tags,
    summary: "Walks of the caller's units (organised or invited to), newest first; all for admins",
    response: { 200: WalkListSchema },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/walks',
    policy: 'walks:plan',
    tags,
    summary: 'Plan a walk: organising unit, area, optional route (LineString), date, invited units and groups',
    body: WalkCreateSchema,
    response: { 201: WalkSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/walks/:id',
    policy: 'walks:read',
    tags,
    summary: 'One walk (404 when the caller takes no part in it)',
    params: WalkParamsSchema,
    response: { 200: WalkSchema },
  }),
  setStatus: defineRoute({
    method: 'POST',
    path: '/walks/:id/status',
    policy: 'walks:capture',
    tags,
    summary: 'Start or finish a walk (409 INVALID_TRANSITION from a finished walk)',
    params: WalkParamsSchema,
    body: WalkStatusUpdateSchema,
    response: { 200: WalkSchema },
  }),
  observations: defineRoute({
    method: 'GET',
    path: '/walks/:id/observations',
    policy: 'walks:read',
    tags,
    summary: "The walk's observations in the order they were noted",
    params: WalkParamsSchema,
    response: { 200: WalkObservationsSchema },
  }),
  /** 201 when stored now, 200 with the stored row when the id was already this walk's. */
  addObservation: defineRoute({
    method: 'POST',
    path: '/walks/:id/observations',
    policy: 'walks:capture',
    tags,
    summary:
      "Note an observation; its id is made by the phone, so a resend answers 200 with the stored one instead of a second (409 when the id is another walk's)",
    params: WalkParamsSchema,
    body: ObservationCreateSchema,
    response: { 200: ObservationSchema, 201: ObservationSchema },
  }),
  attachPhoto: defineRoute({
    method: 'PUT',
    path: '/walks/:id/observations/:observationId/photo',
    policy: 'walks:capture',
    tags,
    summary:
      "Set an observation's photo: JPEG or PNG up to 10 MB, stored resized without EXIF or any other metadata; a resend replaces it",
    description:
      'multipart/form-data with one field "photo". HEIC is refused (415, code heic_not_supported): the image library cannot decode it.',
    consumes: ['multipart/form-data'],
    params: ObservationParamsSchema,
    response: { 200: z.object({ width: z.number().int(), height: z.number().int() }) },
  }),
  photo: defineRoute({
    method: 'GET',
    path: '/walks/:id/observations/:observationId/photo',
    policy: 'walks:read',
    tags,
    summary: "An observation's photo (JPEG); size=thumb for the thumbnail",
    params: ObservationParamsSchema,
    query: PhotoSizeSchema,
    response: { 200: z.any().describe('the JPEG image') },
  }),
  report: defineRoute({
    method: 'GET',
    path: '/walks/:id/report',
    policy: 'walks:read',
    tags,
    summary: 'The walk with every observation and the unit the responsibility matrix names for it',
    params: WalkParamsSchema,
    response: { 200: WalkReportSchema },
  }),
  toProblem: defineRoute({
    method: 'POST',
    path: '/walks/:id/observations/:observationId/problem',
    policy: 'walks:plan',
    tags,
    summary:
      "Turn an observation into a problem of the organising unit (or owner_unit_id) in the walk's area, with the observation as evidence",
    params: ObservationParamsSchema,
    body: z.strictObject({ owner_unit_id: UuidSchema.optional() }),
    response: { 200: ObservationSchema },
  }),
  toInbox: defineRoute({
    method: 'POST',
    path: '/walks/:id/observations/:observationId/route',
    policy: 'walks:plan',
    tags,
    summary: "Send an observation to the responsible unit's inbox: a staff report routed by the responsibility matrix",
    params: ObservationParamsSchema,
    response: { 200: ObservationSchema },
  }),
};

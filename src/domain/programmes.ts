import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';
import { UnitKindSchema } from './org.js';
import { IndicatorDirectionSchema } from './problems.js';

/**
 * The city's safety programme as a governing document (issue 16): a programme has versions, each a
 * numbered set of sections — the overarching goal, sub-goals, responsibilities and definitions — so a
 * consultation statement or a follow-up can point at one section.
 */
export const ProgrammeStatusSchema = z.enum(['draft', 'consultation', 'adopted', 'replaced']);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatusSchema>;

/**
 * Where a version may go from each status. A draft goes out on consultation and back for revision, or is
 * adopted directly; an adopted version is only ever replaced; a replaced one is history.
 */
export const PROGRAMME_TRANSITIONS: Readonly<Record<ProgrammeStatus, readonly ProgrammeStatus[]>> = {
  draft: ['consultation', 'adopted'],
  consultation: ['draft', 'adopted'],
  adopted: ['replaced'],
  replaced: [],
};

/**
 * Whether a version may move from one status to another.
 * @example canChangeProgrammeStatus('adopted', 'draft') // false
 */
export function canChangeProgrammeStatus(from: ProgrammeStatus, to: ProgrammeStatus): boolean {
  return PROGRAMME_TRANSITIONS[from].includes(to);
}

/** Statuses the public may read: the programme as decided, and what it replaced. */
export const PUBLISHED_PROGRAMME_STATUSES: readonly ProgrammeStatus[] = ['adopted', 'replaced'];

/** The kinds of section, in the order the document numbers them (1 goal, 2.n sub-goals, 3.n responsibilities, 4.n definitions). */
export const ProgrammeSectionKindSchema = z.enum(['goal', 'sub_goal', 'responsibility', 'definition']);
export type ProgrammeSectionKind = z.infer<typeof ProgrammeSectionKindSchema>;
export const SECTION_KIND_ORDER: readonly ProgrammeSectionKind[] = ProgrammeSectionKindSchema.options;

/**
 * A section's number in its version: the chapter of its kind, and its place among sections of that kind
 * (the overarching goal is one section, numbered by its chapter alone).
 * @example sectionNumber('sub_goal', 2) // '2.3'
 */
export function sectionNumber(kind: ProgrammeSectionKind, indexInKind: number): string {
  const chapter = SECTION_KIND_ORDER.indexOf(kind) + 1;
  return kind === 'goal' ? String(chapter) : `${chapter}.${indexInKind + 1}`;
}

const Heading = z.string().trim().min(1).max(200);
const Body = z.string().trim().min(1).max(4000);
const Year = z.number().int().min(2000).max(2100);
const IndicatorIds = z.array(UuidSchema).max(20);

/** A new section. A responsibility names a kind of unit or one unit; a definition names its term. */
export const ProgrammeSectionCreateSchema = z
  .strictObject({
    kind: ProgrammeSectionKindSchema,
    heading: Heading.optional(),
    body: Body,
    unit_kind: UnitKindSchema.optional(),
    unit_id: UuidSchema.optional(),
    /** Problems whose indicators follow the goal up (goals and sub-goals only). */
    indicator_problem_ids: IndicatorIds.default([]),
  })
  .refine((v) => (v.kind === 'responsibility') === (v.unit_kind !== undefined || v.unit_id !== undefined), {
    path: ['unit_kind'],
    message: 'a responsibility, and only a responsibility, names a kind of unit or a unit',
  })
  .refine((v) => v.unit_kind === undefined || v.unit_id === undefined, {
    path: ['unit_id'],
    message: 'a kind of unit or one unit, not both',
  })
  .refine((v) => v.kind !== 'definition' || v.heading !== undefined, {
    path: ['heading'],
    message: 'a definition names its term',
  })
  .refine((v) => v.indicator_problem_ids.length === 0 || v.kind === 'goal' || v.kind === 'sub_goal', {
    path: ['indicator_problem_ids'],
    message: 'only goals are followed up by indicators',
  });
export type ProgrammeSectionCreate = z.infer<typeof ProgrammeSectionCreateSchema>;

/** Changing a section's text or its indicators; its kind and holder stay (remove it and add another instead). */
export const ProgrammeSectionUpdateSchema = z
  .strictObject({
    heading: Heading.nullable().optional(),
    body: Body.optional(),
    indicator_problem_ids: IndicatorIds.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');
export type ProgrammeSectionUpdate = z.infer<typeof ProgrammeSectionUpdateSchema>;

/** Moving a section one place up or down within its chapter (its kind); the chapter's numbers follow. */
export const ProgrammeSectionMoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });
export type ProgrammeSectionMove = z.infer<typeof ProgrammeSectionMoveSchema>;

const periodInOrder = (v: { period_from?: number | undefined; period_to?: number | undefined }) =>
  v.period_from === undefined || v.period_to === undefined || v.period_to >= v.period_from;
const periodMessage = { path: ['period_to'], message: 'period_to before period_from' };

/** A new programme with its first, empty draft. */
export const ProgrammeCreateSchema = z
  .strictObject({ name: Heading, title: Heading, period_from: Year, period_to: Year })
  .refine(periodInOrder, periodMessage);
export type ProgrammeCreate = z.infer<typeof ProgrammeCreateSchema>;

/** A new draft copied from a version (usually the adopted one), which it will replace once adopted. */
export const ProgrammeDraftCreateSchema = z
  .strictObject({ title: Heading, period_from: Year, period_to: Year })
  .refine(periodInOrder, periodMessage);
export type ProgrammeDraftCreate = z.infer<typeof ProgrammeDraftCreateSchema>;

export const ProgrammeVersionUpdateSchema = z
  .strictObject({ title: Heading.optional(), period_from: Year.optional(), period_to: Year.optional() })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update')
  .refine(periodInOrder, periodMessage);
export type ProgrammeVersionUpdate = z.infer<typeof ProgrammeVersionUpdateSchema>;

/** A decision's reference in the city's diary, e.g. 'KS 2020/1939'. */
export const DecisionRefSchema = z.string().trim().min(1).max(60);

/** Moving a version on; adoption records the decision (reference and day). */
export const ProgrammeStatusChangeSchema = z
  .strictObject({
    status: ProgrammeStatusSchema,
    decision_ref: DecisionRefSchema.optional(),
    adopted_on: IsoDateSchema.optional(),
  })
  .refine((v) => v.status !== 'adopted' || (v.decision_ref !== undefined && v.adopted_on !== undefined), {
    path: ['decision_ref'],
    message: 'an adoption records its decision reference and day',
  });
export type ProgrammeStatusChange = z.infer<typeof ProgrammeStatusChangeSchema>;

const Period = z.object({ from: IsoDateSchema, to: IsoDateSchema, value: z.number().int() });

/** A goal's indicator: a problem's baseline against an equally long period ending today, as everywhere else. */
export const ProgrammeIndicatorSchema = z.object({
  problem_id: UuidSchema,
  title: z.string(),
  where: z.string(),
  baseline: Period.nullable(),
  current: Period.nullable(),
  target_value: z.number().int().nullable(),
  direction: IndicatorDirectionSchema,
});
export type ProgrammeIndicator = z.infer<typeof ProgrammeIndicatorSchema>;

export const ProgrammeSectionSchema = z.object({
  id: UuidSchema,
  /** The same across copies of the section in later versions: what a diff matches on. */
  key: UuidSchema,
  kind: ProgrammeSectionKindSchema,
  number: z.string(),
  heading: z.string().nullable(),
  body: z.string(),
  unit_kind: UnitKindSchema.nullable(),
  unit: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  indicators: z.array(ProgrammeIndicatorSchema),
  /** Raised on every change; sent back as `If-Match` when editing the section, so a stale edit is refused (409). */
  version: z.number().int(),
});
export type ProgrammeSection = z.infer<typeof ProgrammeSectionSchema>;

const VersionRef = z.object({ id: UuidSchema, title: z.string(), status: ProgrammeStatusSchema });

export const ProgrammeVersionSummarySchema = z.object({
  id: UuidSchema,
  title: z.string(),
  period_from: z.number().int(),
  period_to: z.number().int(),
  status: ProgrammeStatusSchema,
  decision_ref: z.string().nullable(),
  adopted_on: IsoDateSchema.nullable(),
  replaces: VersionRef.nullable(),
});
export type ProgrammeVersionSummary = z.infer<typeof ProgrammeVersionSummarySchema>;

export const ProgrammeVersionSchema = ProgrammeVersionSummarySchema.extend({
  programme: z.object({ id: UuidSchema, name: z.string() }),
  replaced_by: z.array(VersionRef),
  sections: z.array(ProgrammeSectionSchema),
});
export type ProgrammeVersion = z.infer<typeof ProgrammeVersionSchema>;

export const ProgrammeSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  /** Newest period first. */
  versions: z.array(ProgrammeVersionSummarySchema),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

/** A run of words in a diff: the same in both, only in the newer (added), or only in the older (removed). */
export const TextPartSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type TextPart = z.infer<typeof TextPartSchema>;

export const SectionChangeSchema = z.enum(['added', 'removed', 'changed', 'unchanged']);
export type SectionChange = z.infer<typeof SectionChangeSchema>;

/** Two versions compared section by section (matched on `key`), in the newer version's order. */
export const ProgrammeDiffSchema = z.object({
  from: VersionRef,
  to: VersionRef,
  sections: z.array(
    z.object({
      key: UuidSchema,
      kind: ProgrammeSectionKindSchema,
      number_from: z.string().nullable(),
      number_to: z.string().nullable(),
      change: SectionChangeSchema,
      heading: z.array(TextPartSchema),
      body: z.array(TextPartSchema),
    }),
  ),
});
export type ProgrammeDiff = z.infer<typeof ProgrammeDiffSchema>;

export const ProgrammeCompareQuerySchema = z.object({ from: UuidSchema, to: UuidSchema });

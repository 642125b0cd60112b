import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

/**
 * The documents Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete asks of every municipality
 * (issue 16): a lägesbild (situation picture), an orsaksanalys (cause analysis) and an åtgärdsplan (action
 * plan) adopted by the council. Each is drafted from the system's data for a district or the whole city,
 * edited section by section, and kept as numbered versions (v1, v2 …) with who made each and when.
 */
export const LawDocumentKindSchema = z.enum(['situation_picture', 'cause_analysis', 'action_plan']);
export type LawDocumentKind = z.infer<typeof LawDocumentKindSchema>;

/** The documents' Swedish names, as the law names them. */
export const LAW_DOCUMENT_KIND_LABELS: Readonly<Record<LawDocumentKind, { sv: string; en: string }>> = {
  situation_picture: { sv: 'Lägesbild', en: 'Situation picture' },
  cause_analysis: { sv: 'Orsaksanalys', en: 'Cause analysis' },
  action_plan: { sv: 'Åtgärdsplan', en: 'Action plan' },
};

export const LawDocumentStatusSchema = z.enum(['draft', 'adopted', 'replaced']);
export type LawDocumentStatus = z.infer<typeof LawDocumentStatusSchema>;

/**
 * Where a version may go. A draft is adopted by the council; an adopted version is replaced when a newer
 * version of the same document is adopted (the system does that, never a caller); a replaced one is history.
 */
export const LAW_DOCUMENT_TRANSITIONS: Readonly<Record<LawDocumentStatus, readonly LawDocumentStatus[]>> = {
  draft: ['adopted'],
  adopted: ['replaced'],
  replaced: [],
};

/**
 * Whether a version may move from one status to another.
 * @example canChangeLawDocumentStatus('adopted', 'draft') // false
 */
export function canChangeLawDocumentStatus(from: LawDocumentStatus, to: LawDocumentStatus): boolean {
  return LAW_DOCUMENT_TRANSITIONS[from].includes(to);
}

/** What the public may read: the documents the council adopted, and none it has not. */
export const PUBLISHED_LAW_DOCUMENT_STATUSES: readonly LawDocumentStatus[] = ['adopted'];

const Heading = z.string().trim().min(1).max(200);
const Body = z.string().trim().min(1).max(20_000);

/** Drafting a new version from the data as it is now: for one district, or the whole city when absent. */
export const LawDocumentGenerateSchema = z.strictObject({
  kind: LawDocumentKindSchema,
  district_id: UuidSchema.nullable().default(null),
});
export type LawDocumentGenerate = z.infer<typeof LawDocumentGenerateSchema>;

/** Edited sections (by their number in the version); saving makes a new version with the rest unchanged. */
export const LawDocumentReviseSchema = z.strictObject({
  sections: z
    .array(z.strictObject({ position: z.number().int().min(0).max(200), heading: Heading.optional(), body: Body }))
    .min(1)
    .max(200),
});
export type LawDocumentRevise = z.infer<typeof LawDocumentReviseSchema>;

/** Adopting a version: the council's decision reference (e.g. 'KF 2026/123') and day. */
export const LawDocumentAdoptSchema = z.strictObject({
  status: z.literal('adopted'),
  decision_ref: z.string().trim().min(1).max(60),
  adopted_on: IsoDateSchema,
});
export type LawDocumentAdopt = z.infer<typeof LawDocumentAdoptSchema>;

export const LawDocumentListQuerySchema = z.object({
  /** A district's documents; the whole city's when absent. */
  district_id: UuidSchema.optional(),
});
export type LawDocumentListQuery = z.infer<typeof LawDocumentListQuerySchema>;

/** A table of figures in a section: column titles (numeric ones right-aligned) and rows of formatted cells. */
export const LawDocumentFiguresSchema = z.object({
  caption: z.string(),
  columns: z.array(z.object({ title: z.string(), numeric: z.boolean() })),
  rows: z.array(z.array(z.string())),
});
export type LawDocumentFigures = z.infer<typeof LawDocumentFiguresSchema>;

export const LawDocumentSectionSchema = z.object({
  position: z.number().int(),
  /** '1', '2' …: the heading's number in the document. */
  number: z.string(),
  heading: z.string(),
  body: z.string(),
  /** Figures drawn from the data when the draft was made; edits of the text keep them as they were. */
  figures: LawDocumentFiguresSchema.nullable(),
});
export type LawDocumentSection = z.infer<typeof LawDocumentSectionSchema>;

const Ref = z.object({ id: UuidSchema, name: z.string() });

export const LawDocumentVersionSummarySchema = z.object({
  id: UuidSchema,
  kind: LawDocumentKindSchema,
  district: Ref.nullable(),
  version: z.number().int(),
  title: z.string(),
  status: LawDocumentStatusSchema,
  decision_ref: z.string().nullable(),
  adopted_on: IsoDateSchema.nullable(),
  created_by: z.string(),
  created_at: z.string(),
  /** The version it was edited from; null for one generated from data. */
  based_on: z.number().int().nullable(),
});
export type LawDocumentVersionSummary = z.infer<typeof LawDocumentVersionSummarySchema>;

export const LawDocumentVersionSchema = LawDocumentVersionSummarySchema.extend({
  sections: z.array(LawDocumentSectionSchema),
});
export type LawDocumentVersion = z.infer<typeof LawDocumentVersionSchema>;

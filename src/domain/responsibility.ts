import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { UuidSchema } from './common.js';

/** 'street' stands for every incident at no registered place (streets, paths, open ground). */
export const STREET = 'street';
export const PlaceTypeKeySchema = z
  .string()
  .regex(/^[a-z_]+$/)
  .max(60);

/** Whom a rule points at: a named unit, the district owning the incident's area, or the place's owner. */
export const ResponsibilityTargetSchema = z.enum(['unit', 'district', 'place_owner']);

export const ResponsibilityRuleInputSchema = z
  .strictObject({
    place_type: PlaceTypeKeySchema,
    /** Omitted: every category at this place type. */
    category: CategoryCodeSchema.nullable().default(null),
    target: ResponsibilityTargetSchema,
    unit_id: UuidSchema.nullable().default(null),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => (v.target === 'unit') === (v.unit_id !== null), {
    path: ['unit_id'],
    message: 'unit_id is required when, and only when, target is unit',
  });
export type ResponsibilityRuleInput = z.infer<typeof ResponsibilityRuleInputSchema>;

export const ResponsibilityRuleSchema = z.object({
  id: UuidSchema,
  place_type: z.string(),
  category: CategoryCodeSchema.nullable(),
  target: ResponsibilityTargetSchema,
  unit: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  note: z.string().nullable(),
});
export type ResponsibilityRule = z.infer<typeof ResponsibilityRuleSchema>;

export const AssignmentSchema = z.object({
  incident_id: UuidSchema,
  unit: z.object({ id: UuidSchema, name: z.string() }),
  rule_id: UuidSchema.nullable(),
  /** Who moved it by hand; null when the matrix decided. */
  overridden_by: z.string().nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentOverrideSchema = z.strictObject({ unit_id: UuidSchema });

/** A response rule per category, e.g. klotter on city property removed within 24 hours of the report. */
export const ServiceLevelInputSchema = z.strictObject({
  hours: z.number().int().min(1).max(8760),
  rule: z.string().trim().min(1).max(500),
});
export type ServiceLevelInput = z.infer<typeof ServiceLevelInputSchema>;
export const ServiceLevelSchema = ServiceLevelInputSchema.extend({ category: CategoryCodeSchema });
export type ServiceLevel = z.infer<typeof ServiceLevelSchema>;

/** Share of a unit's closed incidents per category closed within the service level. */
export const ComplianceRowSchema = z.object({
  unit_id: UuidSchema,
  unit_name: z.string(),
  category: CategoryCodeSchema,
  hours: z.number().int(),
  closed: z.number().int(),
  within: z.number().int(),
  share: z.number().nullable(),
  open_late: z.number().int(),
});
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;
export const ComplianceQuerySchema = z.object({ unit_id: UuidSchema.optional() });

/** An incident routed to a unit, in its inbox until closed; time left against the category's service level. */
export const IncidentInboxItemSchema = z.object({
  kind: z.literal('incident'),
  id: UuidSchema,
  title: z.string(),
  due_date: z.string(),
  days_left: z.number().int(),
  overdue: z.boolean(),
  category: CategoryCodeSchema,
  reported_at: z.string(),
  /** Hours left until the service level's deadline (negative: late); null without a service level. */
  hours_left: z.number().nullable(),
  place_name: z.string().nullable(),
});

import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { UuidSchema } from './common.js';
import { UnitKindSchema } from './org.js';

/** An account as the administrator sees it: who, how they sign in, and their role in each unit. */
export const UserSummarySchema = z.object({
  id: UuidSchema,
  email: z.string(),
  display_name: z.string(),
  disabled: z.boolean(),
  /** Whether the account has a password (false: single sign-on only). */
  password_sign_in: z.boolean(),
  must_change_password: z.boolean(),
  created_at: z.string(),
  memberships: z.array(
    z.object({ unit_id: UuidSchema, unit_name: z.string(), unit_kind: UnitKindSchema, role: RoleSchema }),
  ),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

/** The whole set of an account's memberships: one role per unit, at least one. */
export const MembershipsUpdateSchema = z.strictObject({
  memberships: z
    .array(z.object({ unit_id: UuidSchema, role: RoleSchema }))
    .min(1)
    .refine((ms) => new Set(ms.map((m) => m.unit_id)).size === ms.length, { message: 'one role per unit' }),
});
export type MembershipsUpdate = z.infer<typeof MembershipsUpdateSchema>;

export const UserActiveUpdateSchema = z.strictObject({ disabled: z.boolean() });
export type UserActiveUpdate = z.infer<typeof UserActiveUpdateSchema>;

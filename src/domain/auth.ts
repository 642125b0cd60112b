import { z } from 'zod';
import { UuidSchema } from './common.js';
import { type UnitKind, UnitKindSchema } from './org.js';

export const RoleSchema = z.enum(['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * NIST SP 800-63B: length, not composition rules; at least 12 characters (we go above the minimum 8
 * because accounts see crime-related data), at most 128, checked against common passwords by the server.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

export const LoginSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type Login = z.infer<typeof LoginSchema>;

export const MembershipSchema = z.object({
  unit_id: UuidSchema,
  unit_name: z.string(),
  unit_kind: UnitKindSchema,
  role: RoleSchema,
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({
  user: z.object({ id: UuidSchema, email: z.string(), display_name: z.string() }),
  memberships: z.array(MembershipSchema),
  csrf_token: z.string().nullable(),
  /** True after signing in with a one-time password: only changing it (and signing out) is allowed. */
  must_change_password: z.boolean().optional(),
  /** Whether the account has a password to change (an account of single sign-on only has none). */
  password_sign_in: z.boolean().optional(),
});
export type Me = z.infer<typeof MeSchema>;

/** Scopes an API token may carry; a token never exceeds its user's roles. */
export const TOKEN_SCOPES = ['incidents:read', 'incidents:write', 'imports:run'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);

export const ApiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(TokenScopeSchema).min(1),
  expires_in_days: z.number().int().min(1).max(365).default(90),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreateSchema>;

export const ApiTokenSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  scopes: z.array(TokenScopeSchema),
  expires_at: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

export const UserCreateSchema = z.strictObject({
  email: EmailSchema,
  display_name: z.string().trim().min(1).max(200),
  password: PasswordSchema.optional(),
  /** An account that signs in only by single sign-on: no password at all (the server refuses it without OIDC). */
  sso_only: z.boolean().optional(),
  memberships: z.array(z.object({ unit_id: UuidSchema, role: RoleSchema })).min(1),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** Changing one's own password: the current one proves it is the owner; the new one passes the NIST checks. */
export const PasswordChangeSchema = z.strictObject({
  current_password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  new_password: PasswordSchema,
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

/** The answer to a password change: the API tokens it revoked must be issued anew. */
export const PasswordChangedSchema = z.object({ revoked_api_tokens: z.number().int().nonnegative() });
export type PasswordChanged = z.infer<typeof PasswordChangedSchema>;

/**
 * Who is calling: a signed-in user (by session or API token), nobody, or the system itself (CLI and jobs
 * run on the server with the database's own credentials, so they are trusted like the database).
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'system' }
  | {
      kind: 'user';
      userId: string;
      organisationId: string;
      email: string;
      displayName: string;
      memberships: ReadonlyArray<{ unitId: string; unitKind: UnitKind; role: Role }>;
      /** API tokens carry scopes; a session has null here and acts with its roles alone. */
      scopes: readonly string[] | null;
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };
export const SYSTEM: Principal = { kind: 'system' };

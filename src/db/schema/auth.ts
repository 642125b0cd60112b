import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

export type Role = 'admin' | 'coordinator' | 'unit_editor' | 'partner_viewer' | 'analyst';

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled: Generated<boolean>;
  /** Set on accounts given a one-time password: every call but changing it and signing out is refused. */
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  unit_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface SessionsTable {
  organisation_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  remote_address: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: Json<{ scopes: string[] }>;
  expires_at: Date;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Failed sign-ins per organisation, e-mail address (known or not) and client address. */
export interface SignInThrottleTable {
  organisation_id: string;
  email: string;
  address: string;
  failures: Generated<number>;
  failed_at: Date | null;
  blocked_until: Date | null;
  /** The last successful sign-in from this address: a place the owner is known to use. */
  succeeded_at: Date | null;
}

export interface OidcLoginsTable {
  state: string;
  organisation_id: string;
  code_verifier: string;
  nonce: string;
  created_at: CreatedAt;
}
